import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENTRAL_ERRORS } from './central';
import { COMMAND_ROLES, PUSH_EVENTS } from './contract';
import { ERROR_CODES } from './errors';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

/** docs/protocol.md follows the contract: a new command, push or error code must be documented. */
describe('docs/protocol.md', () => {
  it.each(Object.keys(COMMAND_ROLES))('documents the command %s', (name) => {
    expect(doc).toContain(`| \`${name}\` |`);
  });
  it.each(PUSH_EVENTS)('documents the push %s', (name) => {
    expect(doc).toContain(`| \`${name}\` |`);
  });
  it.each(ERROR_CODES)('documents the error code %s', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });
  it.each(Object.keys(CENTRAL_ERRORS))('documents the central error code %s', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });
});
