/*
 * The confirm dialog's focus, as a keyboard user meets it: opening moves
 * the focus into the dialog, on the choice that changes nothing; Escape
 * closes it and the focus returns to the control that opened it.
 */
import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ConfirmActionDialog } from './ConfirmActionDialog';

function Opener(props: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Cancel</button>
      <ConfirmActionDialog
        open={open}
        title="Cancel workflow build?"
        description="This cancels workflow build of gh/acme/rocket."
        confirmLabel="Cancel workflow"
        onConfirm={props.onConfirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

describe('ConfirmActionDialog', () => {
  it('moves the focus into the dialog on "Keep it running"; Escape closes it and focuses the opener', async () => {
    const user = userEvent.setup();
    const confirmed: string[] = [];
    await renderInTestApp(<Opener onConfirm={() => confirmed.push('yes')} />);
    const opener = screen.getByRole('button', { name: 'Cancel' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Cancel workflow build?' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep it running' })).toHaveFocus());
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
    expect(confirmed).toEqual([]);
  });
});
