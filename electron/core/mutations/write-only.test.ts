import { describe, expect, it } from 'vitest';
import type { TrackedRequest } from '../../../shared/contract';
import {
  REDACTED,
  carriesRedactions,
  redactPatch,
  redactRequest,
  redactState,
  schemaWriteOnlyProperties,
  writeOnlyPaths,
} from './write-only';

const iamUser = writeOnlyPaths(['/properties/LoginProfile/Password']);
const listener = writeOnlyPaths([
  '/properties/DefaultActions/*/AuthenticateOidcConfig/ClientSecret',
]);

describe('writeOnlyPaths', () => {
  it('reads schema pointers as property paths, unescaping ~1 and ~0', () => {
    expect(writeOnlyPaths(['/properties/A', '/properties/B/*/C', '/properties/x~1y~0z'])).toEqual([
      ['A'],
      ['B', '*', 'C'],
      ['x/y~z'],
    ]);
  });

  it('ignores pointers outside /properties, and treats an unknown schema as all', () => {
    expect(writeOnlyPaths(['/definitions/X', 'properties/Y', '/properties'])).toEqual([]);
    expect(writeOnlyPaths(undefined)).toBe('all');
  });
});

describe('schemaWriteOnlyProperties', () => {
  it('reads them from the schema text; none listed is none; unreadable is undefined', () => {
    expect(
      schemaWriteOnlyProperties(
        JSON.stringify({ typeName: 'A::B::C', writeOnlyProperties: ['/properties/P'] }),
      ),
    ).toEqual(['/properties/P']);
    expect(schemaWriteOnlyProperties(JSON.stringify({ typeName: 'A::B::C' }))).toEqual([]);
    expect(schemaWriteOnlyProperties('{')).toBeUndefined();
    expect(
      schemaWriteOnlyProperties(JSON.stringify({ typeName: 'A::B::C', writeOnlyProperties: 'x' })),
    ).toBeUndefined();
  });
});

describe('redactState', () => {
  it('replaces a nested write-only value and leaves the rest, without changing the input', () => {
    const state = { UserName: 'u', LoginProfile: { Password: 'p', PasswordResetRequired: true } };
    expect(redactState(state, iamUser)).toEqual({
      UserName: 'u',
      LoginProfile: { Password: REDACTED, PasswordResetRequired: true },
    });
    expect(state.LoginProfile.Password).toBe('p');
  });

  it('follows * over every array item', () => {
    const state = {
      DefaultActions: [
        {
          Type: 'authenticate-oidc',
          AuthenticateOidcConfig: { ClientSecret: 's1', ClientId: 'c' },
        },
        { Type: 'forward' },
        { AuthenticateOidcConfig: { ClientSecret: 's2' } },
      ],
    };
    expect(redactState(state, listener)).toEqual({
      DefaultActions: [
        {
          Type: 'authenticate-oidc',
          AuthenticateOidcConfig: { ClientSecret: REDACTED, ClientId: 'c' },
        },
        { Type: 'forward' },
        { AuthenticateOidcConfig: { ClientSecret: REDACTED } },
      ],
    });
  });

  it('answers the same object when nothing is write-only, and adds no keys', () => {
    const state = { UserName: 'u' };
    expect(redactState(state, iamUser)).toBe(state);
    expect(redactState({ LoginProfile: null }, iamUser)).toEqual({ LoginProfile: null });
  });

  it('redacts every value when the schema is unknown', () => {
    expect(redactState({ Name: 'n', Nested: { a: 1 } }, 'all')).toEqual({
      Name: REDACTED,
      Nested: REDACTED,
    });
  });
});

describe('redactPatch', () => {
  it('redacts an operation at, inside or around a write-only property', () => {
    expect(
      redactPatch(
        [
          { op: 'replace', path: '/LoginProfile/Password', value: 'p1' },
          {
            op: 'add',
            path: '/LoginProfile',
            value: { Password: 'p2', PasswordResetRequired: false },
          },
          {
            op: 'test',
            path: '/DefaultActions/0/AuthenticateOidcConfig',
            value: { ClientSecret: 's' },
          },
          {
            op: 'add',
            path: '/DefaultActions/-',
            value: { AuthenticateOidcConfig: { ClientSecret: 's' } },
          },
          {
            op: 'replace',
            path: '/DefaultActions/1/AuthenticateOidcConfig/ClientSecret/x',
            value: 's',
          },
        ],
        [...(iamUser as string[][]), ...(listener as string[][])],
      ),
    ).toEqual([
      { op: 'replace', path: '/LoginProfile/Password', value: REDACTED },
      {
        op: 'add',
        path: '/LoginProfile',
        value: { Password: REDACTED, PasswordResetRequired: false },
      },
      {
        op: 'test',
        path: '/DefaultActions/0/AuthenticateOidcConfig',
        value: { ClientSecret: REDACTED },
      },
      {
        op: 'add',
        path: '/DefaultActions/-',
        value: { AuthenticateOidcConfig: { ClientSecret: REDACTED } },
      },
      {
        op: 'replace',
        path: '/DefaultActions/1/AuthenticateOidcConfig/ClientSecret/x',
        value: REDACTED,
      },
    ]);
  });

  it('leaves other operations alone, and redacts every value when the schema is unknown', () => {
    const patch = [
      { op: 'replace' as const, path: '/UserName', value: 'u' },
      { op: 'remove' as const, path: '/LoginProfile/Password' },
      { op: 'copy' as const, from: '/LoginProfile/Password', path: '/Other' },
    ];
    expect(redactPatch(patch, iamUser)).toEqual(patch);
    expect(redactPatch(patch, 'all')[0]).toEqual({
      op: 'replace',
      path: '/UserName',
      value: REDACTED,
    });
  });
});

describe('redactRequest', () => {
  const request: TrackedRequest = {
    id: 'r',
    requestToken: null,
    profile: 'p',
    region: 'eu-west-1',
    typeName: 'AWS::IAM::User',
    operation: 'CREATE',
    identifier: null,
    status: 'PENDING',
    statusMessage: null,
    errorCode: null,
    desiredState: { UserName: 'u', LoginProfile: { Password: 'p' } },
    patch: null,
    startedAt: 1,
    updatedAt: 1,
    finishedAt: null,
  };

  it('answers what may be shown, and what was sent only when they differ', () => {
    const { shown, sent } = redactRequest(request, iamUser);
    expect(shown.desiredState).toEqual({ UserName: 'u', LoginProfile: { Password: REDACTED } });
    expect(sent).toEqual({ desiredState: request.desiredState, patch: null });
    expect(carriesRedactions(shown)).toBe(true);
    expect(carriesRedactions(request)).toBe(false);
    expect(redactRequest({ ...request, desiredState: { UserName: 'u' } }, iamUser)).toEqual({
      shown: { ...request, desiredState: { UserName: 'u' } },
      sent: null,
    });
  });
});
