import { beforeEach, describe, expect, it } from 'vitest';
import { useSearchMatch } from './search-match';

describe('useSearchMatch', () => {
  beforeEach(() => useSearchMatch.setState({ opened: null }));

  it('keeps a match while its conversation shows, and lets go of it when another one or a new chat does', () => {
    const match = { conversationId: 'b', messageId: 'b-1', terms: ['pasteis'] };
    useSearchMatch.getState().open(match);
    useSearchMatch.getState().showing('b');
    expect(useSearchMatch.getState().opened).toBe(match);
    useSearchMatch.getState().showing('a');
    expect(useSearchMatch.getState().opened).toBeNull();

    useSearchMatch.getState().open(match);
    useSearchMatch.getState().showing(undefined);
    expect(useSearchMatch.getState().opened).toBeNull();
  });
});
