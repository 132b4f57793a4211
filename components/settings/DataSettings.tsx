// Placeholder until the data & capture settings land (owned by the reports work).
export function DataSettings() {
  return <p>Data settings are being built.</p>;
}
