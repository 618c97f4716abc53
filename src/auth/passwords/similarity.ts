/**
 * Ratcliff/Obershelp similarity, the measure behind Python's difflib.SequenceMatcher.ratio(), which
 * Django's UserAttributeSimilarityValidator uses: 2 * matches / (len(a) + len(b)).
 *
 * Its cost is cubic in the worst case (a longest-common-run search, quadratic, repeated on each
 * side of every run found), and the password is attacker-chosen: isTooSimilar bounds the input.
 */

/**
 * Characters of the password and of the attribute compared: the default PASSWORD_MAX_LENGTH, so
 * passwords within it are compared whole. A longer password is compared by its start, which is
 * where a name or an address typed as a password shows.
 */
export const MAX_COMPARED_LENGTH = 128;

/** Counts the cells of the longest-common-run tables filled: the work done, for tests. */
export interface SimilarityWork {
  cells: number;
}

export function similarityRatio(a: string, b: string, work?: SimilarityWork): number {
  if (!a.length && !b.length) return 1;
  return (2 * matchingCharacters(a, b, work)) / (a.length + b.length);
}

/**
 * Whether `password` is at least `maxSimilarity` similar to `attribute`, with bounded work:
 * pairs whose lengths alone rule it out are skipped (the ratio is at most
 * 2 * min(la, lb) / (la + lb): Django's length-ratio shortcut, made exact), and the rest are
 * compared on their first MAX_COMPARED_LENGTH characters.
 */
export function isTooSimilar(password: string, attribute: string, maxSimilarity: number, work?: SimilarityWork): boolean {
  const total = password.length + attribute.length;
  if (total === 0 || (2 * Math.min(password.length, attribute.length)) / total < maxSimilarity) return false;
  return similarityRatio(password.slice(0, MAX_COMPARED_LENGTH), attribute.slice(0, MAX_COMPARED_LENGTH), work) >= maxSimilarity;
}

function matchingCharacters(a: string, b: string, work?: SimilarityWork): number {
  const [start, otherStart, length] = longestCommonRun(a, b, work);
  if (length === 0) return 0;
  return (
    length +
    matchingCharacters(a.slice(0, start), b.slice(0, otherStart), work) +
    matchingCharacters(a.slice(start + length), b.slice(otherStart + length), work)
  );
}

function longestCommonRun(a: string, b: string, work?: SimilarityWork): [number, number, number] {
  if (work) work.cells += a.length * b.length;
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
