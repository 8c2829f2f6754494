const MIN_LENGTH = 12;
const MAX_LENGTH = 256;
/** The passwords tried first in every spraying campaign seen against agencies. */
const COMMON = new Set([
  'password1234', 'password12345', 'passw0rd1234', '123456789012', 'qwertyuiop12', 'admin1234567', 'administrator',
  'matkhau12345', 'matkhau123456', 'abc123456789', '1q2w3e4r5t6y', 'welcome12345', 'changeme1234', 'iloveyou1234',
]);

/** NIST SP 800-63B style: length over composition, no common or user-derived passwords. Returns the problems. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_LENGTH) problems.push(`at least ${MIN_LENGTH} characters`);
  if (password.length > MAX_LENGTH) problems.push(`at most ${MAX_LENGTH} characters`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the user name');
  if (COMMON.has(password.toLowerCase())) problems.push('is a commonly used password');
  if (new Set(password).size < 5) problems.push('needs more varied characters');
  return problems;
}
