import { ReportsView } from '@/components/reports/ReportsView';

export function ReportsSection() {
  return (
    <div class="reports-host">
      <ReportsView />
    </div>
  );
}
