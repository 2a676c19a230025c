import { classifyCurl, outcomeReached } from '../../../lib/verify/live/curl-outcome';

const result = (stderr: string, exitCode = 0, stdout = '') => ({ exitCode, stdout, stderr });

/** Sample outputs from the workshop's network policies and security groups for pods pages. */
describe('classifies the workshop outputs', () => {
  test('a DNS lookup that times out (default-deny egress) is a DNS failure, which counts as blocked', () => {
    const classified = classifyCurl(result('curl: (28) Resolving timed out after 5000 milliseconds', 28));
    expect(classified.outcome).toBe('dns-failure');
    expect(outcomeReached(classified.outcome)).toBe(false);
  });

  test('HTTP/1.1 200 OK is a connection', () => {
    expect(classifyCurl(result('< HTTP/1.1 200 OK\n< Content-Type: text/plain')).outcome).toBe('connected');
  });

  test('the checkout health body is a connection', () => {
    expect(classifyCurl(result('', 0, '{"status":"ok","info":{},"error":{},"details":{}}')).outcome).toBe('connected');
  });

  test('a connect timeout to catalog-mysql is a timeout', () => {
    const classified = classifyCurl(
      result('curl: (28) Failed to connect to catalog-mysql.catalog port 3306 after 5000 ms: Timeout was reached', 28),
    );
    expect(classified.outcome).toBe('timed-out');
    expect(outcomeReached(classified.outcome)).toBe(false);
  });

  test('a telnet connection that the server answered is a connection even when curl then times out', () => {
    const output =
      '*   Trying 172.20.14.3:3306...\n* Connected to catalog-mysql.catalog (172.20.14.3) port 3306\ncurl: (28) Operation timed out after 8001 milliseconds';
    expect(classifyCurl(result(output, 28)).outcome).toBe('connected');
  });

  test('a refused connection reached the pod but nothing listens: neither allowed nor blocked', () => {
    const classified = classifyCurl(
      result('curl: (7) Failed to connect to orders.orders port 80 after 2 ms: Connection refused', 7),
    );
    expect(classified.outcome).toBe('refused');
    expect(outcomeReached(classified.outcome)).toBeUndefined();
  });

  test('an image without curl could not run the check', () => {
    const output =
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown';
    expect(classifyCurl(result(output, 126)).outcome).toBe('could-not-run');
  });

  test('falls back to curl exit codes when there is no recognisable line', () => {
    expect(classifyCurl(result('', 28)).outcome).toBe('timed-out');
    expect(classifyCurl(result('', 6)).outcome).toBe('dns-failure');
  });
});
