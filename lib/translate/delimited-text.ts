/**
 * RFC 4180 rows: fields split by `delimiter` (a comma for CSV, a tab for TSV), a field in double
 * quotes may hold the delimiter, line breaks and `""` for a quote. Lines end in CRLF or LF. Each
 * row says the line it starts on, so a reader can say which line it skipped.
 */
export interface DelimitedRow {
  line: number;
  fields: string[];
}

export function parseDelimited(text: string, delimiter: ',' | '\t'): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    fields.push(field);
    rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    rowLine = line;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
      if (char === '\r') i++;
      line++;
      endRow();
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** The rows as text that `parseDelimited` reads back: a field is quoted only when it must be. */
export function serializeDelimited(rows: readonly (readonly string[])[], delimiter: ',' | '\t'): string {
  const quote = (field: string) => (field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  return rows.map((fields) => fields.map(quote).join(delimiter)).join('\r\n') + (rows.length ? '\r\n' : '');
}
