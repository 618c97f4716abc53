/**
 * Ratcliff/Obershelp similarity, the measure behind Python's difflib.SequenceMatcher.ratio(), which
 * Django's UserAttributeSimilarityValidator uses: 2 * matches / (len(a) + len(b)).
 */
export function similarityRatio(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  return (2 * matchingCharacters(a, b)) / (a.length + b.length);
}

function matchingCharacters(a: string, b: string): number {
  const [start, otherStart, length] = longestCommonRun(a, b);
  if (length === 0) return 0;
  return (
    length +
    matchingCharacters(a.slice(0, start), b.slice(0, otherStart)) +
    matchingCharacters(a.slice(start + length), b.slice(otherStart + length))
  );
}

function longestCommonRun(a: string, b: string): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > best[2]) best = [i - current[j]!, j - current[j]!, current[j]!];
      }
    }
    previous = current;
  }
  return best;
}
