// Placeholder until the reports view lands (owned by the reports work).
export function ReportsView() {
  return <p>Reports are being built.</p>;
}
