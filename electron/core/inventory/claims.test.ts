import { describe, expect, it } from 'vitest';
import { ClaimRegistry, type Claim } from './claims';

const handover = (claim: Claim): Promise<boolean> => {
  if (claim.kind !== 'theirs') throw new Error(`expected theirs, got ${claim.kind}`);
  return claim.handover;
};

describe('ClaimRegistry', () => {
  it('gives a row to the first region that lists it; a repeat or a read row is taken', () => {
    const claims = new ClaimRegistry();
    expect(claims.claim('k', 'a')).toEqual({ kind: 'mine' });
    expect(claims.claim('k', 'a')).toEqual({ kind: 'taken' });
    claims.read('k');
    expect(claims.claim('k', 'b')).toEqual({ kind: 'taken' });
    expect(claims.unread()).toEqual(new Map());
  });

  it('tells a waiting region once the row is read', async () => {
    const claims = new ClaimRegistry();
    claims.claim('k', 'a');
    const wait = handover(claims.claim('k', 'b'));
    claims.read('k');
    await expect(wait).resolves.toBe(false);
  });

  it('hands a failed reader’s unread rows to the next waiting region, in listing order', async () => {
    const claims = new ClaimRegistry();
    claims.claim('read', 'a');
    claims.claim('unread', 'a');
    const b = handover(claims.claim('unread', 'b'));
    const c = handover(claims.claim('unread', 'c'));
    const bRead = handover(claims.claim('read', 'b'));
    claims.read('read');
    claims.release('a');
    await expect(b).resolves.toBe(true);
    await expect(bRead).resolves.toBe(false);
    claims.release('b');
    await expect(c).resolves.toBe(true);
    claims.read('unread');
    expect(claims.unread()).toEqual(new Map());
  });

  it('lets a later lister read a row whose reader failed with nobody waiting', () => {
    const claims = new ClaimRegistry();
    claims.claim('k', 'a');
    claims.release('a');
    expect(claims.claim('k', 'b')).toEqual({ kind: 'mine' });
  });

  it('counts rows no region read by the region that listed them first', () => {
    const claims = new ClaimRegistry();
    claims.claim('x', 'a');
    claims.claim('y', 'a');
    claims.claim('z', 'b');
    void handover(claims.claim('x', 'b'));
    claims.release('a');
    claims.release('b');
    expect(claims.unread()).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });
});
