import { useState } from 'preact/hooks';
import { loadStrategy } from '@/lib/db/repo';
import { emptyStrategy } from '@/lib/strategy/schema';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { useToast } from '@/components/ui/Toast';
import { useEditor } from './editor/Editor';

/** "Start from empty": asks first (it wipes the whole strategy), then still offers Undo. */
export function useStartFromEmpty(onDone?: () => void) {
  const editor = useEditor();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    setOpen(false);
    await editor.flush();
    const previous = await loadStrategy();
    await editor.replace(emptyStrategy());
    onDone?.();
    toast.show({
      message: 'Started from an empty strategy.',
      action: { label: 'Undo', run: () => void editor.replace(previous) },
    });
  };
  const dialog = (
    <ConfirmDialog
      open={open}
      title="Start from an empty strategy?"
      confirmLabel="Start from empty"
      danger
      onConfirm={() => void confirm()}
      onCancel={() => setOpen(false)}
    >
      This removes the brand details, channels, goals, audiences, pillars, voice guide, saved replies and calendar.
      Collected posts and their numbers stay. You can undo this right after.
    </ConfirmDialog>
  );
  return { ask: () => setOpen(true), dialog };
}
