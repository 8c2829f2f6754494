"""Writes rules/firewall/fixtures/*.log, the firewall rules' fixtures: python3 rules/fixture-generators/firewall_fixtures.py

The fixtures are the test data; this script is how they were made, kept so that a changed threshold can
be re-fixtured without hand-editing hundreds of lines. Each record follows a layout our parsers read,
taken from a real sample of ../shared/corpus (see rules/README.md, "Fixture sources"), with the
province's own host names, users and documentation-range addresses. Output is deterministic (fixed
seed, fixed clock), so running it again changes nothing unless the script changed.
"""
import datetime
import os
import random
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'firewall', 'fixtures')
TZ = datetime.timezone(datetime.timedelta(hours=7))
rnd = random.Random(20261130)

def local(s):
    return datetime.datetime.strptime(s, '%Y-%m-%d %H:%M:%S').replace(tzinfo=TZ)
def add(dt, seconds):
    return dt + datetime.timedelta(seconds=seconds)

session = [155300]
def sid():
    session[0] += 1
    return session[0]

PROTO = {'tcp': 6, 'udp': 17}
SERVICE = {22: 'SSH', 23: 'TELNET', 53: 'DNS', 80: 'HTTP', 443: 'HTTPS', 445: 'SMB', 3389: 'RDP', 1433: 'MS-SQL', 3306: 'MYSQL', 161: 'SNMP', 10050: 'tcp/10050', 8080: 'tcp/8080'}

def fortigate(dt, src, sport, dst, dport, action='deny', proto='tcp', policy=0, subtype='forward', srcintf='wan1', dstintf='internal', srcrole='wan', dstrole='lan', country='Vietnam'):
    ns = int(dt.timestamp()) * 1_000_000_000 + rnd.randrange(1_000_000_000)
    svc = SERVICE.get(dport, f'{proto}/{dport}')
    extra = 'sentbyte=0 rcvdbyte=0 sentpkt=0 appcat="unscanned" crscore=30 craction=131072 crlevel="high"' if action == 'deny' else 'duration=2 sentbyte=1820 rcvdbyte=5406 sentpkt=9 rcvdpkt=8 appcat="unscanned"'
    pol = 'policyid=0 policytype="policy"' if action == 'deny' else f'policyid={policy} policytype="policy" poluuid="5a6e2b1c-0f8d-51ee-3c4a-6f1d0c9e2a17" policyname="LAN-to-DMZ"'
    return (f'<189>date={dt:%Y-%m-%d} time={dt:%H:%M:%S} devname="FGT-SOKHCN" devid="FG100FTK19000421" eventtime={ns} tz="+0700" logid="{"0000000013" if subtype == "forward" else "0001000014"}" '
            f'type="traffic" subtype="{subtype}" level="notice" vd="root" srcip={src} srcport={sport} srcintf="{srcintf}" srcintfrole="{srcrole}" dstip={dst} dstport={dport} '
            f'dstintf="{dstintf}" dstintfrole="{dstrole}" sessionid={sid()} proto={PROTO[proto]} action="{action}" {pol} service="{svc}" dstcountry="Reserved" srccountry="{country}" trandisp="noop" {extra}')

def fortigate_webfilter(dt, src, sport, dst, host, url):
    ns = int(dt.timestamp()) * 1_000_000_000 + rnd.randrange(1_000_000_000)
    return (f'<189>date={dt:%Y-%m-%d} time={dt:%H:%M:%S} devname="FGT-SOKHCN" devid="FG100FTK19000421" eventtime={ns} tz="+0700" logid="0316013056" type="utm" subtype="webfilter" '
            f'eventtype="ftgd_blk" level="warning" vd="root" policyid=12 sessionid={sid()} srcip={src} srcport={sport} srcintf="internal" srcintfrole="lan" dstip={dst} dstport=443 '
            f'dstintf="wan1" dstintfrole="wan" proto=6 service="HTTPS" hostname="{host}" profile="default" action="blocked" reqtype="direct" url="https://{host}{url}" sentbyte=517 rcvdbyte=0 '
            f'direction="outgoing" msg="URL belongs to a denied category in policy" method="domain" cat=37 catdesc="Social Networking"')

def iptables(dt, src, sport, dst, dport, action='DROP', proto='TCP', host='gw-huyen01', ttl=115):
    prefix = 'iptables DROP_INPUT: ' if action == 'DROP' else 'iptables ACCEPT_FWD: '
    flags = ' WINDOW=8192 RES=0x00 SYN URGP=0' if proto == 'TCP' else f' LEN=32'
    return (f'{dt.isoformat(timespec="microseconds")} {host} kernel: [{1840000 + (dt.timestamp() % 100000):.6f}] {prefix}IN=eth0 OUT={"eth1" if action != "DROP" else ""} '
            f'MAC=90:10:35:5a:1e:3a:90:10:9e:ec:2c:71:08:00 SRC={src} DST={dst} LEN=52 TOS=0x00 PREC=0x00 TTL={ttl} ID={rnd.randrange(1, 65535)} DF PROTO={proto} SPT={sport} DPT={dport}{flags}')

def pfsense(dt, src, sport, dst, dport, action='block', proto='tcp', host='pfsense.xa-anbinh.local'):
    num = 6 if proto == 'tcp' else 17
    tail = f'{sport},{dport},0,S,{rnd.randrange(1, 2**31)},,64240,,mss;sackOK;TS;nop;wscale' if proto == 'tcp' else f'{sport},{dport},56'
    return (f'<134>1 {dt.isoformat(timespec="microseconds")} {host} filterlog 72237 - - 146,,,1535324496,igb1.12,match,{action},in,4,0x0,,63,{rnd.randrange(1, 65535)},0,DF,{num},{proto},60,{src},{dst},{tail}')

def asa(dt, src, sport, dst, dport, kind='deny', proto='tcp', host='fw-asa01'):
    stamp = f'<166>{dt:%b %d %Y %H:%M:%S} {host} : '
    if kind == 'deny':
        return stamp + f'%ASA-4-106023: Deny {proto} src outside:{src}/{sport} dst inside:{dst}/{dport} by access-group "outside_access_in" [0x0, 0x0]'
    conn = sid()
    p = proto.upper()
    code = '302013' if proto == 'tcp' else '302015'
    return stamp + f'%ASA-6-{code}: Built inbound {p} connection {conn} for outside:{src}/{sport} ({src}/{sport}) to dmz:{dst}/{dport} ({dst}/{dport})'

def asa_teardown(dt, src, sport, dst, dport, host='fw-asa01'):
    return f'<166>{dt:%b %d %Y %H:%M:%S} {host} : %ASA-6-302014: Teardown TCP connection {sid()} for outside:{src}/{sport} to dmz:{dst}/{dport} duration 0:00:01 bytes 5406 TCP FINs'

def panos(dt, src, sport, dst, dport, action='deny', proto='tcp', rule='DENY-ALL', host='PA-3220'):
    t = f'{dt:%Y/%m/%d %H:%M:%S}'
    sub = 'deny' if action == 'deny' else 'end'
    app = 'not-applicable' if action == 'deny' else 'ssl'
    reason = 'policy-deny' if action == 'deny' else 'tcp-fin'
    return (f'<14>{dt:%b %d %H:%M:%S} {host} 1,{t},013201001234,TRAFFIC,{sub},2561,{t},{src},{dst},0.0.0.0,0.0.0.0,{rule},,,{app},vsys1,untrust,trust,ethernet1/1,,Log-Forward,{t},{sid()},1,'
            f'{sport},{dport},0,0,0x0,{proto},{action},60,60,0,1,{t},0,any,0,{91500000 + session[0]},0x8000000000000000,Viet Nam,10.0.0.0-10.255.255.255,0,1,0,{reason},150,42,25,260,,{host},from-policy,,,0,,0,,N/A,0,0,0,0,49543e97-7c8c-44a3-bbd9-031caeb1a65e,0,0')

def write(name, lines, comment=None):
    with open(os.path.join(OUT, name), 'w') as f:
        for c in (comment or []):
            f.write('# ' + c + '\n')
        for l in sorted(lines, key=lambda x: x[0]):
            f.write(l[1] + '\n')

VENDORS = [fortigate, iptables, pfsense, asa, panos]
PORTS = [21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 993, 995, 1433, 1723, 3306, 3389, 5432, 5900, 8080, 8443, 9200, 10000, 27017]

# ------------------------------------------------------------ connection denied (input only): every vendor's deny counts
t = local('2026-11-28 10:00:00')
pos = []
for i, port in enumerate(PORTS[:25]):
    vendor = VENDORS[i % 5]
    dt = add(t, i * 1.6)
    pos.append((dt, vendor(dt, '203.0.113.200', 61000 + i, '10.20.1.5', port)))
write('fw_connection_denied.positive.log', pos, [
    'soc.firewall.connection_denied only feeds correlations (generate: false) and raises no alert of its own:',
    'it is tested through soc.firewall.port_scan. Each line is a refusal by another firewall in turn',
    '(FortiGate, iptables, pfSense, Cisco ASA, PAN-OS), so every parser\'s way of saying "denied" must count.',
])
neg = []
t = local('2026-11-28 10:05:00')
allow = {fortigate: dict(action='accept', policy=7), iptables: dict(action='ACCEPT'), pfsense: dict(action='pass'), asa: dict(kind='built'), panos: dict(action='allow', rule='ALLOW-DMZ')}
for i, port in enumerate(PORTS[:25]):
    vendor = VENDORS[i % 5]
    dt = add(t, i * 1.6)
    neg.append((dt, vendor(dt, '198.51.100.41', 52000 + i, '10.20.1.6', port, **allow[vendor])))
t = local('2026-11-28 10:07:00')
for i in range(25):
    dt = add(t, i * 2)
    neg.append((dt, fortigate_webfilter(dt, '10.20.4.31', 50100 + i, '157.240.199.35', 'www.facebook.com', ['/', '/favicon.ico', '/rsrc.php/v3/y5/r/x.js', f'/ajax/bz?__a=1&__req={i}'][i % 4])))
write('fw_connection_denied.negative.log', neg, [
    'soc.firewall.connection_denied only feeds correlations (generate: false): tested through soc.firewall.port_scan',
    'and soc.firewall.denied_flood. Near-misses: 25 ports reached from one address but allowed, by each firewall in',
    'turn; then 25 FortiGate web-filter blocks of one user (content verdicts, not refused connections).',
])

# ------------------------------------------------------------ port scan (FortiGate, nmap SYN scan)
t = local('2026-11-28 02:31:10')
pos = []
ports = rnd.sample(PORTS, 24)
for i, port in enumerate(ports):
    dt = add(t, i * 0.4)
    pos.append((dt, fortigate(dt, '203.0.113.201', 45000, '10.20.1.5', port)))
write('fw_port_scan.positive.log', pos)
neg = []
t = local('2026-11-28 08:00:41')
for i in range(30):
    dt = add(t, i * 60)
    neg.append((dt, fortigate(dt, '10.20.0.9', 40000 + i, '10.20.1.5', 10050, srcintf='internal', srcrole='lan', dstintf='dmz', dstrole='dmz', country='Reserved')))
t = local('2026-11-28 09:00:00')
for i in range(40):
    dt = add(t, i * 1.5)
    neg.append((dt, fortigate(dt, '10.20.4.77', 51000 + i, '172.16.20.8', [8443, 8080, 9443][i % 3], srcintf='internal', srcrole='lan', country='Reserved')))
t = local('2026-11-28 09:10:00')
for i, port in enumerate(PORTS[:19]):
    dt = add(t, i * 3)
    neg.append((dt, fortigate(dt, '198.51.100.42', 46000 + i, '10.20.1.5', port)))
write('fw_port_scan.negative.log', neg)

# ------------------------------------------------------------ host sweep (iptables on a district gateway, SMB worm)
t = local('2026-11-28 14:20:03')
pos = []
for i in range(40):
    dt = add(t, i * 0.7)
    pos.append((dt, iptables(dt, '10.20.12.77', 49152 + i, f'10.20.1.{i + 1}', 445, ttl=128)))
write('fw_host_sweep.positive.log', pos)
neg = []
t = local('2026-11-28 15:00:00')
for i in range(60):
    dt = add(t, i * 4)
    neg.append((dt, pfsense(dt, '10.170.12.50', 49724 + i, ['1.1.1.1', '1.0.0.1'][i % 2], 853)))
t = local('2026-11-28 15:10:00')
for i in range(29):
    dt = add(t, i * 10)
    neg.append((dt, iptables(dt, '10.20.12.80', 50000 + i, f'10.20.2.{i + 1}', 445, ttl=128)))
t = local('2026-11-28 15:20:00')
for i in range(60):
    dt = add(t, i * 2)
    neg.append((dt, iptables(dt, '10.20.12.5', 123, f'203.0.113.{i + 1}', 123, action='ACCEPT', proto='UDP', ttl=64)))
write('fw_host_sweep.negative.log', neg)

# ------------------------------------------------------------ denied flood (Cisco ASA)
t = local('2026-11-28 03:44:00')
pos = []
for i in range(130):
    dt = add(t, i * 0.3)
    pos.append((dt, asa(dt, '198.51.100.66', 1024 + rnd.randrange(60000), '10.20.1.10', 53, proto='udp')))
write('fw_denied_flood.positive.log', pos)
neg = []
t = local('2026-11-28 04:00:00')
for i in range(99):
    dt = add(t, i * 0.6)
    neg.append((dt, asa(dt, '198.51.100.67', 1024 + rnd.randrange(60000), '10.20.1.10', 53, proto='udp')))
t = local('2026-11-28 04:10:00')
for i in range(30):
    dt = add(t, i * 60)
    neg.append((dt, asa(dt, '10.20.0.9', 40000 + i, '10.20.1.10', 161, proto='udp')))
t = local('2026-11-28 04:50:00')
for i in range(150):
    dt = add(t, i * 0.35)
    neg.append((dt, fortigate_webfilter(dt, '10.20.4.31', 50100 + i, '157.240.199.35', 'www.facebook.com', ['/', '/favicon.ico', '/rsrc.php/v3/y5/r/x.js', f'/ajax/bz?__a=1&__req={i}'][i % 4])))
write('fw_denied_flood.negative.log', neg)

# ------------------------------------------------------------ connection (input only), tested through the DDoS burst
def flood(start, dst, count, seconds, port=443, prefix='203.0.113', builder='asa'):
    lines = []
    for i in range(count):
        dt = add(start, i * seconds / count)
        src = f'{prefix}.{rnd.randrange(1, 255)}'
        if builder == 'asa':
            lines.append((dt, asa(dt, src, 1024 + rnd.randrange(60000), dst, port, kind='built')))
        elif builder == 'asa-deny':
            lines.append((dt, asa(dt, src, 1024 + rnd.randrange(60000), dst, port, kind='deny')))
        else:
            lines.append((dt, builder(dt, src, 1024 + rnd.randrange(60000), dst, port)))
    return lines

t = local('2026-11-28 20:00:00')
pos = flood(t, '10.20.1.20', 700, 6.0) + flood(add(t, 6.0), '10.20.1.20', 320, 2.5, builder='asa-deny')
write('fw_ddos_burst.positive.log', pos)
neg = flood(local('2026-11-28 19:00:00'), '10.20.1.20', 990, 9.9)
neg += flood(local('2026-11-28 19:05:00'), '10.20.1.21', 400, 9.0) + flood(local('2026-11-28 19:05:00'), '10.20.1.22', 400, 9.0, prefix='198.51.100')
write('fw_ddos_burst.negative.log', neg)

t = local('2026-11-28 21:00:00')
pos = []
mix = [fortigate, iptables, pfsense, asa, panos]
for i in range(1000):
    dt = add(t, i * 0.009)
    v = mix[i % 5]
    kw = {fortigate: dict(action='accept', policy=7), iptables: dict(action='ACCEPT'), pfsense: dict(action='pass'), asa: dict(kind='built'), panos: dict(action='allow', rule='ALLOW-DMZ')}[v]
    pos.append((dt, v(dt, f'203.0.113.{rnd.randrange(1, 255)}', 1024 + rnd.randrange(60000), '10.20.1.30', 443, **kw)))
write('fw_connection.positive.log', pos, [
    'soc.firewall.connection only feeds soc.firewall.ddos_burst (generate: false) and raises no alert of its own:',
    'it is tested through that correlation. 1000 allowed connections to one portal in 9 s, each firewall in turn.',
])
neg = []
t = local('2026-11-28 21:30:00')
for i in range(600):
    dt = add(t, i * 0.015)
    src, sport = f'203.0.113.{rnd.randrange(1, 255)}', 1024 + rnd.randrange(60000)
    neg.append((dt, asa(dt, src, sport, '10.20.1.31', 443, kind='built')))
    neg.append((add(dt, 0.5), asa_teardown(add(dt, 0.5), src, sport, '10.20.1.31', 443)))
write('fw_connection.negative.log', neg, [
    'soc.firewall.connection only feeds soc.firewall.ddos_burst (generate: false): tested through it.',
    'Near-miss: 600 connections in 9 s through a Cisco ASA, each logged twice (Built, then Teardown): counted once each.',
])
