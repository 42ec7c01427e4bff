import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import OrderingList from '../../src/ui/quiz/OrderingList.svelte';

const items = [
  { id: 'goodbye', text: 'Goodbye', why: 'Last.' },
  { id: 'hello', text: 'Hello', why: 'First.' },
  { id: 'press', text: 'Press', why: 'In the middle.' },
];

function order(): string[] {
  return within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.dataset.item ?? '');
}

describe('ordering answer', () => {
  it('reorders with "Move up" / "Move down" buttons from the keyboard, keeping focus on the moved item', async () => {
    const user = userEvent.setup();
    render(OrderingList, { props: { items, order: items.map((i) => i.id), labelledby: 'prompt' } });
    expect(order()).toEqual(['goodbye', 'hello', 'press']);

    screen.getByRole('button', { name: 'Move “Goodbye” down' }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['hello', 'goodbye', 'press']);
    expect(screen.getByRole('button', { name: 'Move “Goodbye” down' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(order()).toEqual(['hello', 'press', 'goodbye']);
    // at the bottom "down" is disabled, so focus moves to "up" on the same item
    expect(screen.getByRole('button', { name: 'Move “Goodbye” down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move “Goodbye” up' })).toHaveFocus();
    expect(screen.getByText('“Goodbye” is now number 3 of 3.')).toBeInTheDocument();
  });

  it('cannot move the first item up or the last one down', () => {
    render(OrderingList, { props: { items, order: items.map((i) => i.id), labelledby: 'prompt' } });
    expect(screen.getByRole('button', { name: 'Move “Goodbye” up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move “Press” down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move “Hello” up' })).toBeEnabled();
  });
});
