/**
 * Saved replies: fill {name}, {handle} and {brand}.
 *
 * - Placeholders are case-insensitive and may have spaces inside the braces ("{ Name }").
 * - Unknown placeholders ("{order}") are left exactly as written, so the writer sees what still needs filling.
 * - Missing or blank values fall back so the reply still reads naturally:
 *   {name} → "there" ("Hi {name}!" → "Hi there!");
 *   {handle} → the name if there is one, else "there", and an "@" written just before the placeholder is dropped
 *   ("Thanks @{handle}" → "Thanks Anna");
 *   {brand} → "our team" ("— {brand}" → "— our team").
 * - A handle is inserted without a leading "@" when the template already has one ("@{handle}"), with one
 *   otherwise ("{handle}" → "@anna"), so "@@anna" never happens.
 */
export interface TemplateVars {
  name?: string;
  handle?: string;
  brand?: string;
}

export const TEMPLATE_FALLBACKS = { name: 'there', brand: 'our team' } as const;

export function fillTemplate(body: string, vars: TemplateVars = {}): string {
  if (typeof body !== 'string') return '';
  const clean = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name = clean(vars.name);
  const handle = clean(vars.handle).replace(/^@+/, '');
  const brand = clean(vars.brand);
  return body.replace(/(@?)\{[ \t]*(name|handle|brand)[ \t]*\}/gi, (_m, at: string, key: string) => {
    switch (key.toLowerCase()) {
      case 'name':
        return at + (name || TEMPLATE_FALLBACKS.name);
      case 'brand':
        return at + (brand || TEMPLATE_FALLBACKS.brand);
      default:
        if (handle) return `@${handle}`;
        return name || TEMPLATE_FALLBACKS.name;
    }
  });
}
