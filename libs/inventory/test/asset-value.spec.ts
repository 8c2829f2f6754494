import { toAssetValue } from '@soc/inventory';

describe('what an officer types as an asset', () => {
  it.each([
    ['10.20.0.9', { kind: 'network', value: '10.20.0.9/32' }],
    [' 10.20.0.9/24 ', { kind: 'network', value: '10.20.0.0/24' }],
    ['2001:DB8::/32', { kind: 'network', value: '2001:db8::/32' }],
    ['Web01.SoTTTT.TayNinh.gov.vn.', { kind: 'hostname', value: 'web01.sotttt.tayninh.gov.vn' }],
    ['https://dichvucong.tayninh.gov.vn/portal?x=1', { kind: 'hostname', value: 'dichvucong.tayninh.gov.vn' }],
    ['http://[2001:db8::7]:8080/', { kind: 'network', value: '2001:db8::7/128' }],
    ['http://203.0.113.5/login', { kind: 'network', value: '203.0.113.5/32' }],
  ])('%s', (input, expected) => {
    expect(toAssetValue(input)).toEqual(expected);
  });

  it.each(['', 'two words', 'web01;drop', '10.0.0.300', '-leading.dash', 'https://', "x'--"])('refuses %j', (input) => {
    expect(toAssetValue(input)).toBeUndefined();
  });
});
