import { describe, expect, it } from 'vitest';
import { appUrl, parseHubAddress } from './hub-address';

describe('parseHubAddress', () => {
  it.each([
    ['192.168.1.10', 'http://192.168.1.10:3324', null],
    ['  192.168.1.10:8080 ', 'http://192.168.1.10:8080', null],
    ['pst-hub.local', 'http://pst-hub.local:3324', null],
    ['http://192.168.1.10:3324/', 'http://192.168.1.10:3324', null],
    ['http://192.168.1.10', 'http://192.168.1.10', null],
    ['https://antrian.bps.go.id/counter/', 'https://antrian.bps.go.id', null],
    ['http://192.168.1.10:3324/kiosk/#token=AbC_12-x', 'http://192.168.1.10:3324', 'AbC_12-x'],
    ['192.168.1.10:3324/kiosk/#token=abc', 'http://192.168.1.10:3324', 'abc'],
  ])('%s', (input, hubUrl, token) => {
    expect(parseHubAddress(input)).toEqual({ hubUrl, token, fingerprint: null });
  });

  it('reads the certificate fingerprint of a pairing link to a hub on TLS', () => {
    const fp = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');
    expect(parseHubAddress(`https://192.168.1.10:3324/kiosk/#token=abc&fp=${fp}`)).toEqual({
      hubUrl: 'https://192.168.1.10:3324',
      token: 'abc',
      fingerprint: fp,
    });
    // Without colons and in lower case too (typed from the hub's screen); garbage is dropped.
    expect(parseHubAddress(`https://h:3324/#fp=${fp.replaceAll(':', '').toLowerCase()}`)?.fingerprint).toBe(
      fp,
    );
    expect(parseHubAddress('https://h:3324/#fp=AB:CD')?.fingerprint).toBeNull();
  });

  it.each([
    '',
    '   ',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ftp://192.168.1.10',
    'http://user:pass@192.168.1.10',
    'http://exa mple',
    'http://',
  ])('refuses %j', (input) => {
    expect(parseHubAddress(input)).toBeNull();
  });

  it('drops a token with characters a pairing token never has', () => {
    expect(parseHubAddress('http://h:3324/kiosk/#token=<script>')?.token).toBeNull();
  });
});

describe('appUrl', () => {
  it('points at the app folder on the hub, with the pairing token in the fragment', () => {
    expect(appUrl('http://10.0.0.5:3324', 'kiosk')).toBe('http://10.0.0.5:3324/kiosk/');
    expect(appUrl('http://10.0.0.5:3324', 'display', 'tok')).toBe('http://10.0.0.5:3324/display/#token=tok');
  });
});
