import { describe, expect, it, vi } from 'vitest';
import { allPages } from './hooks';

describe('allPages', () => {
  it('follows nextCursor until the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    };
    const page = vi.fn(async (cursor: string | undefined) => pages[cursor ?? 'first']!);
    await expect(allPages<number>(page)).resolves.toEqual([1, 2, 3, 4]);
    expect(page.mock.calls.map((c) => c[0])).toEqual([undefined, 'b', 'c']);
  });
});
