/** The SSRF address rules of webhook delivery (src/webhooks/target.ts) and the URL rules of endpoints. */
import { describe, expect, it } from 'vitest';
import { isForbiddenAddress, webhookUrlProblem } from '../../src/webhooks/target.js';

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '::7f00:1',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    'not-an-address',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34', '64:ff9b::8.8.8.8', '::ffff:808:808'])(
    'allows %s',
    (address) => expect(isForbiddenAddress(address)).toBe(false),
  );
});

describe('webhookUrlProblem', () => {
  const strict = { allowHttp: false, allowPrivateTargets: false };
  it('wants https, no credentials, a URL', () => {
    expect(webhookUrlProblem('https://hooks.example/x', strict)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example/x', strict)).toBe('must be https');
    expect(webhookUrlProblem('http://hooks.example/x', { ...strict, allowHttp: true })).toBeNull();
    expect(webhookUrlProblem('ftp://hooks.example/x', { ...strict, allowHttp: true })).toBe('must be http or https');
    expect(webhookUrlProblem('https://u:p@hooks.example/x', strict)).toBe('must not contain credentials');
    expect(webhookUrlProblem('hooks.example', strict)).toBe('not a valid URL');
  });
});
