/** Building blocks only the admin app uses: a select and a checkbox with their labels, a refusal note, a table of listed rows. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export function Select({ label, value, onValue, children }: { label: string; value: string; onValue: (value: string) => void; children: ComponentChildren }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onValue(event.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

/** A yes/no/any filter. */
export function TriState({
  label,
  value,
  onValue,
  yes,
  no,
  any,
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  yes: string;
  no: string;
  any: string;
}) {
  return (
    <Select label={label} value={value} onValue={onValue}>
      <option value="">{any}</option>
      <option value="true">{yes}</option>
      <option value="false">{no}</option>
    </Select>
  );
}

export function triState(value: string): boolean | null {
  return value === '' ? null : value === 'true';
}

export function Checkbox({
  label,
  checked,
  onChecked,
  disabled,
  note,
}: {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
  note?: string;
}) {
  const id = useId();
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChecked(event.currentTarget.checked)} />
      <label for={id}>
        {label}
        {note ? <span class="note"> ({note})</span> : null}
      </label>
    </div>
  );
}

/** Why an action is not offered, in words, where its button would be. */
export function Refusal({ reason }: { reason: string | null }) {
  return reason ? <p class="refusal">{reason}</p> : null;
}

/**
 * A table of rows the API listed (its style, `table.data`, is admin.css'), so a page writes only
 * its caption, its column headings and a row's cells. `actions`: each row ends with a cell of
 * buttons, under an empty heading.
 */
export function DataTable<Row extends { id: string }>({
  caption,
  columns,
  actions,
  rows,
  cells,
}: {
  caption: ComponentChildren;
  columns: string[];
  actions?: boolean;
  rows: Row[];
  /** A row's cells: a `<th scope="row">` naming it among `<td>`s. */
  cells: (row: Row) => ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions ? <td /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>{cells(row)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
