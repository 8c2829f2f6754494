"""Writes rules/windows/fixtures/*.log, the Windows rules' fixtures: python3 rules/fixture-generators/windows_fixtures.py

The fixtures are the test data; this script is how they were made, kept so that a changed threshold can
be re-fixtured without hand-editing hundreds of lines. Each record follows a layout our parsers read,
taken from a real sample of ../shared/corpus (see rules/README.md, "Fixture sources"), with the
province's own host names, users and documentation-range addresses. Output is deterministic (fixed
seed, fixed clock), so running it again changes nothing unless the script changed.
"""
import datetime
import json
import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'windows', 'fixtures')
TZ = datetime.timezone(datetime.timedelta(hours=7))

def local(s):  # 'YYYY-MM-DD HH:MM:SS' local (UTC+7) -> datetime
    return datetime.datetime.strptime(s, '%Y-%m-%d %H:%M:%S').replace(tzinfo=TZ)

def add(dt, seconds):
    return dt + datetime.timedelta(seconds=seconds)

PROVIDERS = {
    'Microsoft-Windows-Security-Auditing': '{54849625-5478-4994-a5ba-3e3b0328c30d}',
    'Microsoft-Windows-Eventlog': '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}',
    'Service Control Manager': '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
}
rec = [300000]
def next_rec():
    rec[0] += 1
    return rec[0]

def evtx(dt, eid, channel, computer, data, provider='Microsoft-Windows-Security-Auditing', user_data=None, keywords='0x8020000000000000', task='0'):
    """evtx_dump-like layout of the EVTX-ATTACK-SAMPLES conversion (all values strings, SystemTime UTC)."""
    utc = dt.astimezone(datetime.timezone.utc)
    system = {
        'Provider': {'#attributes': {'Name': provider, 'Guid': PROVIDERS.get(provider, '')}},
        'EventID': {'#attributes': {'Qualifiers': ''}, '#text': str(eid)},
        'Version': '0', 'Level': '0', 'Task': task, 'Opcode': '0', 'Keywords': keywords,
        'TimeCreated': {'#attributes': {'SystemTime': utc.strftime('%Y-%m-%d %H:%M:%S.%f')}},
        'EventRecordID': str(next_rec()),
        'Correlation': {'#attributes': {'ActivityID': '', 'RelatedActivityID': ''}},
        'Execution': {'#attributes': {'ProcessID': '636', 'ThreadID': '2140'}},
        'Channel': channel, 'Computer': computer, 'Security': {'#attributes': {'UserID': ''}},
    }
    event = {'#attributes': {'xmlns': 'http://schemas.microsoft.com/win/2004/08/events/event'}, 'System': system}
    if user_data is not None:
        event['UserData'] = user_data
    else:
        event['EventData'] = data
    return json.dumps({'Event': event}, ensure_ascii=False)

def nxlog(dt, eid, channel, host, data, provider='Microsoft-Windows-Security-Auditing', event_type='AUDIT_FAILURE', category='Logon', task=12544):
    """NXLog im_msvistalog + to_json: flat, EventTime in the agent's local time."""
    rec_ = {
        'EventTime': dt.strftime('%Y-%m-%d %H:%M:%S'), 'Hostname': host, 'Keywords': -9218868437227405312 if event_type == 'AUDIT_FAILURE' else -9214364837600034816,
        'EventType': event_type, 'SeverityValue': 4 if event_type == 'AUDIT_FAILURE' else 2, 'Severity': 'ERROR' if event_type == 'AUDIT_FAILURE' else 'INFO',
        'EventID': eid, 'SourceName': provider, 'ProviderGuid': PROVIDERS.get(provider, '').upper(), 'Version': 0, 'Task': task,
        'OpcodeValue': 0, 'RecordNumber': next_rec(), 'ProcessID': 636, 'ThreadID': 2140, 'Channel': channel, 'Category': category, 'Opcode': 'Info',
    }
    rec_.update(data)
    rec_['EventReceivedTime'] = add(dt, 1).strftime('%Y-%m-%d %H:%M:%S')
    rec_['SourceModuleName'] = 'eventlog'
    rec_['SourceModuleType'] = 'im_msvistalog'
    return json.dumps(rec_, ensure_ascii=False)

def winlogbeat(dt, eid, channel, computer, data, provider='Microsoft-Windows-Security-Auditing', action='', outcome='success', task='', keywords='Audit Success'):
    """Winlogbeat 8 (ECS) document as its Logstash/Kafka output writes it, one line."""
    utc = dt.astimezone(datetime.timezone.utc)
    stamp = utc.strftime('%Y-%m-%dT%H:%M:%S.') + f'{utc.microsecond // 1000:03d}Z'
    created = (utc + datetime.timedelta(seconds=2)).strftime('%Y-%m-%dT%H:%M:%S.') + f'{utc.microsecond // 1000:03d}Z'
    doc = {
        '@timestamp': stamp, 'agent': {'type': 'winlogbeat', 'version': '8.15.3'}, 'ecs': {'version': '8.0.0'},
        'event': {'code': str(eid), 'kind': 'event', 'provider': provider, 'action': action, 'outcome': outcome, 'created': created},
        'host': {'name': computer.split('.')[0].upper()}, 'log': {'level': 'information'},
        'winlog': {'channel': channel, 'computer_name': computer, 'event_id': str(eid), 'provider_name': provider, 'provider_guid': PROVIDERS.get(provider, ''),
                   'record_id': next_rec(), 'keywords': [keywords], 'opcode': 'Info', 'task': task, 'process': {'pid': 636, 'thread': {'id': 2140}}, 'event_data': data},
    }
    return json.dumps(doc, ensure_ascii=False)

def lc(d):
    return {k[0].lower() + k[1:]: v for k, v in d.items()}

def wazuh(dt, eid, channel, computer, data, provider='Microsoft-Windows-Security-Auditing', message='', severity='AUDIT_SUCCESS', keywords='0x8020000000000000', task='0', user_data_name=None, user_data=None):
    """Wazuh agent eventchannel JSON: camelCase names, systemTime in UTC with 7 decimals."""
    utc = dt.astimezone(datetime.timezone.utc)
    system = {
        'providerName': provider, 'providerGuid': PROVIDERS.get(provider, ''), 'eventID': str(eid), 'version': '0', 'level': '0', 'task': task,
        'opcode': '0', 'keywords': keywords, 'systemTime': utc.strftime('%Y-%m-%dT%H:%M:%S.%f') + '0Z', 'eventRecordID': str(next_rec()),
        'processID': '636', 'threadID': '2140', 'channel': channel, 'computer': computer, 'severityValue': severity, 'message': json.dumps(message),
    }
    win = {'system': system}
    if data:
        win['eventdata'] = lc(data)
    if user_data_name:
        win[user_data_name] = lc(user_data)
    return json.dumps({'win': win}, ensure_ascii=False)

def write(name, lines, comment=None):
    with open(os.path.join(OUT, name), 'w') as f:
        for c in (comment or []):
            f.write('# ' + c + '\n' if c else '#\n')
        for l in lines:
            f.write(l + '\n')

def f4625(user, ip, workstation='-', logon_type='3', sub='0xc000006a', domain='SOKHCN', process='-', pkg='NTLM', lp='NtLmSsp '):
    return {
        'SubjectUserSid': 'S-1-0-0', 'SubjectUserName': '-', 'SubjectDomainName': '-', 'SubjectLogonId': '0x0',
        'TargetUserSid': 'S-1-0-0', 'TargetUserName': user, 'TargetDomainName': domain, 'Status': '0xc000006d', 'FailureReason': '%%2313',
        'SubStatus': sub, 'LogonType': logon_type, 'LogonProcessName': lp, 'AuthenticationPackageName': pkg, 'WorkstationName': workstation,
        'TransmittedServices': '-', 'LmPackageName': '-', 'KeyLength': '0', 'ProcessId': '0x0', 'ProcessName': process, 'IpAddress': ip, 'IpPort': '0',
    }

def f4624(user, ip, workstation, logon_type='3', domain='SOKHCN', sid='S-1-5-21-2811345762-1903470151-3326587513-1107'):
    return {
        'SubjectUserSid': 'S-1-0-0', 'SubjectUserName': '-', 'SubjectDomainName': '-', 'SubjectLogonId': '0x0', 'TargetUserSid': sid,
        'TargetUserName': user, 'TargetDomainName': domain, 'TargetLogonId': '0x1bbcd81', 'LogonType': logon_type, 'LogonProcessName': 'NtLmSsp ',
        'AuthenticationPackageName': 'NTLM', 'WorkstationName': workstation, 'LogonGuid': '{00000000-0000-0000-0000-000000000000}',
        'TransmittedServices': '-', 'LmPackageName': 'NTLM V2', 'KeyLength': '128', 'ProcessId': '0x0', 'ProcessName': '-', 'IpAddress': ip,
        'IpPort': '0', 'ImpersonationLevel': '%%1833', 'RestrictedAdminMode': '-', 'TargetOutboundUserName': '-', 'TargetOutboundDomainName': '-',
        'VirtualAccount': '%%1843', 'TargetLinkedLogonId': '0x0', 'ElevatedToken': '%%1842',
    }

def f4771(user, ip, status='0x18', rid=1105):
    return {
        'TargetUserName': user, 'TargetSid': f'S-1-5-21-2811345762-1903470151-3326587513-{rid}', 'ServiceName': 'krbtgt/SOKHCN.LOCAL',
        'TicketOptions': '0x40810010', 'Status': status, 'PreAuthType': '2', 'IpAddress': f'::ffff:{ip}', 'IpPort': str(50000 + rid % 1000),
        'CertIssuerName': None, 'CertSerialNumber': None, 'CertThumbprint': None,
    }

SRV = 'srv-dvc01.sokhcn.local'
DC = 'dc01.sokhcn.local'

# ---------------------------------------------------------------- logon brute force (4625)
users = ['administrator', 'admin', 'administrator', 'quantri', 'administrator', 'user', 'admin', 'test', 'administrator', 'sa', 'backup', 'administrator']
t = local('2026-11-27 23:41:05')
pos = []
for i, u in enumerate(users):
    pos.append(nxlog(add(t, i * 7), 4625, 'Security', SRV, f4625(u, '203.0.113.150', workstation='-', logon_type='3', sub='0xc000006a' if u == 'administrator' else '0xc0000064', domain='')))
write('win_logon_brute_force.positive.log', pos)

neg = []
t = local('2026-11-27 07:58:10')
for i in range(3):
    neg.append(nxlog(add(t, i * 9), 4625, 'Security', SRV, f4625('nguyenvanb', '10.20.8.14', workstation='PC-KT-014')))
neg.append(nxlog(add(t, 40), 4624, 'Security', SRV, f4624('nguyenvanb', '10.20.8.14', 'PC-KT-014'), event_type='AUDIT_SUCCESS'))
t = local('2026-11-27 09:00:03')
for i in range(10):
    neg.append(nxlog(add(t, i * 60), 4625, 'Security', SRV, f4625('svc-scan', '10.20.8.30', workstation='MFP-TANG2', sub='0xc000006a')))
t = local('2026-11-27 10:30:00')
for i in range(9):
    neg.append(nxlog(add(t, i * 30), 4625, 'Security', SRV, f4625('lethic', '10.20.8.50', workstation='LAPTOP-LTC', sub='0xc000006a')))
write('win_logon_brute_force.negative.log', neg)

# ---------------------------------------------------------------- logon failure (input only)
t = local('2026-11-27 22:10:00')
pos = []
kinds = [('3', 'NtLmSsp ', 'NTLM', '-'), ('10', 'User32 ', 'Negotiate', 'C:\\Windows\\System32\\svchost.exe'), ('3', 'NtLmSsp ', 'NTLM', '-'), ('2', 'User32 ', 'Negotiate', 'C:\\Windows\\System32\\svchost.exe')]
for i in range(10):
    lt, lp, pkg, proc = kinds[i % len(kinds)]
    pos.append(nxlog(add(t, i * 11), 4625, 'Security', SRV, f4625('administrator', '198.51.100.200', workstation='-', logon_type=lt, lp=lp, pkg=pkg, process=proc)))
write('win_logon_failure.positive.log', pos, [
    'soc.windows.logon_failure only feeds correlations (generate: false) and raises no alert of its own:',
    'it is tested through soc.windows.logon_brute_force. Ten failures of network, RDP and console logon types.',
])
neg = []
t = local('2026-11-27 22:20:00')
for i in range(6):
    neg.append(nxlog(add(t, i * 10), 4624, 'Security', SRV, f4624('tranvanc', '198.51.100.201', 'PC-TVC'), event_type='AUDIT_SUCCESS', category='Logon'))
    neg.append(nxlog(add(t, i * 10 + 4), 4634, 'Security', SRV, {'TargetUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1107', 'TargetUserName': 'tranvanc', 'TargetDomainName': 'SOKHCN', 'TargetLogonId': '0x1bbcd81', 'LogonType': '3', 'IpAddress': '198.51.100.201'}, event_type='AUDIT_SUCCESS', category='Logoff', task=12545))
write('win_logon_failure.negative.log', neg, [
    'soc.windows.logon_failure only feeds correlations (generate: false): tested through soc.windows.logon_brute_force.',
    'Near-misses: a dozen logon events within a minute from one address that are successes and logoffs (4624/4634).',
])

# ---------------------------------------------------------------- password spraying (4625 + 4771)
staff = ['nguyenvana', 'tranthib', 'lethic', 'phamvand', 'hoangthie', 'vuvanf', 'dangthig', 'buivanh', 'doanthik', 'ngothil']
t = local('2026-11-26 02:03:00')
pos = []
for i, u in enumerate(staff[:6]):
    pos.append(evtx(add(t, i * 4), 4771, 'Security', DC, f4771(u, '203.0.113.99', rid=1101 + i), keywords='0x8010000000000000', task='14339'))
for i, u in enumerate(staff[6:]):
    pos.append(nxlog(add(t, 30 + i * 5), 4625, 'Security', SRV, f4625(u, '203.0.113.99', workstation='-')))
write('win_password_spraying.positive.log', pos)
neg = []
t = local('2026-11-26 07:45:00')
for i, u in enumerate(staff[:7]):
    neg.append(nxlog(add(t, i * 50), 4625, 'Security', SRV, f4625(u, '10.20.9.1', workstation='PC-%02d' % (i + 1))))
t = local('2026-11-26 09:00:00')
for i in range(15):
    neg.append(evtx(add(t, i * 20), 4771, 'Security', DC, f4771('phamvand', '10.20.9.2', rid=1104), keywords='0x8010000000000000', task='14339'))
t = local('2026-11-26 13:00:00')
for i, u in enumerate(staff[:9]):
    neg.append(nxlog(add(t, i * 300), 4625, 'Security', SRV, f4625(u, '10.20.9.3', workstation='HOP-TRUC')))
write('win_password_spraying.negative.log', neg)

# ---------------------------------------------------------------- kerberos pre-auth failure (input only)
t = local('2026-11-26 03:00:00')
pos = [evtx(add(t, i * 6), 4771, 'Security', DC, f4771(u, '198.51.100.99', rid=1101 + i), keywords='0x8010000000000000', task='14339') for i, u in enumerate(staff[:8])]
write('win_kerberos_preauth_failure.positive.log', pos, [
    'soc.windows.kerberos_preauth_failure only feeds soc.windows.password_spraying (generate: false) and raises',
    'no alert of its own: it is tested through that correlation. Eight accounts, bad password (0x18), one address.',
])
neg = []
t = local('2026-11-26 03:30:00')
statuses = ['0x17', '0x12', '0x17', '0x25', '0x17', '0x12', '0x17', '0x17', '0x12']
for i, u in enumerate(staff[:9]):
    neg.append(evtx(add(t, i * 6), 4771, 'Security', DC, f4771(u, '198.51.100.98', status=statuses[i], rid=1101 + i), keywords='0x8010000000000000', task='14339'))
write('win_kerberos_preauth_failure.negative.log', neg, [
    'soc.windows.kerberos_preauth_failure only feeds soc.windows.password_spraying (generate: false): tested through it.',
    'Near-misses: nine accounts failing pre-authentication from one address for other reasons than a wrong',
    'password (0x17 password expired, 0x12 account disabled or locked, 0x25 clock skew).',
])

# ---------------------------------------------------------------- user account created (4720)
def f4720(user, subject='quantri.nv', subject_sid='S-1-5-21-2811345762-1903470151-3326587513-1120', rid=1188):
    return {
        'TargetUserName': user, 'TargetDomainName': 'SOKHCN', 'TargetSid': f'S-1-5-21-2811345762-1903470151-3326587513-{rid}',
        'SubjectUserSid': subject_sid, 'SubjectUserName': subject, 'SubjectDomainName': 'SOKHCN', 'SubjectLogonId': '0x00000000004a1f2c',
        'PrivilegeList': '-', 'SamAccountName': user, 'DisplayName': '%%1793', 'UserPrincipalName': '-', 'HomeDirectory': '%%1793', 'HomePath': '%%1793',
        'ScriptPath': '%%1793', 'ProfilePath': '%%1793', 'UserWorkstations': '%%1793', 'PasswordLastSet': '%%1794', 'AccountExpires': '%%1794',
        'PrimaryGroupId': '513', 'AllowedToDelegateTo': '-', 'OldUacValue': '0x0', 'NewUacValue': '0x15', 'UserAccountControl': '\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084',
        'UserParameters': '%%1792', 'SidHistory': '-', 'LogonHours': '%%1797',
    }
t = local('2026-11-25 21:47:12')
write('win_user_account_created.positive.log', [
    evtx(t, 4720, 'Security', DC, f4720('hotro.it', subject='admin.tmp', rid=1188), task='13824'),
    winlogbeat(add(t, 310), 4720, 'Security', 'ketoan-pc07.sokhcn.local', f4720('support', subject='ketoan', subject_sid='S-1-5-21-3461203602-4096304019-2269080069-1001', rid=1005) | {'TargetDomainName': 'KETOAN-PC07', 'SubjectDomainName': 'KETOAN-PC07', 'TargetSid': 'S-1-5-21-3461203602-4096304019-2269080069-1005'}, action='added-user-account', task='User Account Management'),
])
t = local('2026-11-25 09:12:40')
neg = [
    wazuh(t, 4722, 'Security', DC, {'SubjectLogonId': '0x1f6f29', 'TargetUserName': 'lethic', 'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'SubjectDomainName': 'SOKHCN', 'TargetDomainName': 'SOKHCN', 'TargetSid': 'S-1-5-21-2811345762-1903470151-3326587513-1103', 'SubjectUserName': 'quantri.nv'}, message='A user account was enabled.', task='13824'),
    wazuh(add(t, 1), 4738, 'Security', DC, {'SubjectLogonId': '0x1f6f29', 'TargetUserName': 'lethic', 'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'SubjectDomainName': 'SOKHCN', 'TargetDomainName': 'SOKHCN', 'TargetSid': 'S-1-5-21-2811345762-1903470151-3326587513-1103', 'SubjectUserName': 'quantri.nv', 'SamAccountName': 'lethic', 'PasswordLastSet': '11/25/2026 9:12:41 AM', 'OldUacValue': '0x15', 'NewUacValue': '0x10', 'UserAccountControl': '%%2048'}, message='A user account was changed.', task='13824'),
    wazuh(add(t, 600), 4741, 'Security', DC, {'SubjectLogonId': '0x1f6f29', 'TargetUserName': 'PC-KT-021$', 'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'SubjectDomainName': 'SOKHCN', 'TargetDomainName': 'SOKHCN', 'TargetSid': 'S-1-5-21-2811345762-1903470151-3326587513-1190', 'SubjectUserName': 'quantri.nv', 'SamAccountName': 'PC-KT-021$', 'DnsHostName': 'PC-KT-021.sokhcn.local'}, message='A computer account was created.', task='13825'),
    wazuh(add(t, 1200), 4726, 'Security', DC, {'SubjectLogonId': '0x1f6f29', 'TargetUserName': 'thuctap01', 'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'SubjectDomainName': 'SOKHCN', 'TargetDomainName': 'SOKHCN', 'TargetSid': 'S-1-5-21-2811345762-1903470151-3326587513-1150', 'SubjectUserName': 'quantri.nv', 'PrivilegeList': '-'}, message='A user account was deleted.', task='13824'),
]
write('win_user_account_created.negative.log', neg)

# ---------------------------------------------------------------- privileged group member added
def fgroup(member_sid, group, group_sid, domain='Builtin', member='-', subject='IEUser'):
    return {'MemberName': member, 'MemberSid': member_sid, 'TargetUserName': group, 'TargetDomainName': domain, 'TargetSid': group_sid,
            'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'SubjectUserName': subject, 'SubjectDomainName': 'SOKHCN',
            'SubjectLogonId': '0x000000000027a10f', 'PrivilegeList': '-'}
t = local('2026-11-24 22:05:19')
pos = [
    evtx(t, 4732, 'Security', 'KT-SRV02', fgroup('S-1-5-21-3461203602-4096304019-2269080069-501', 'Administrators', 'S-1-5-32-544', subject='admin.tmp'), task='13826'),
    wazuh(add(t, 95), 4728, 'Security', DC, fgroup('S-1-5-21-2811345762-1903470151-3326587513-1188', 'Domain Admins', 'S-1-5-21-2811345762-1903470151-3326587513-512', domain='SOKHCN', member='CN=hotro.it,CN=Users,DC=sokhcn,DC=local', subject='admin.tmp'), message='A member was added to a security-enabled global group.', task='13826'),
]
pos.append(nxlog(add(t, 400), 4732, 'Security', 'dc02.sokhcn.local', fgroup('S-1-5-21-2811345762-1903470151-3326587513-1188', 'DnsAdmins', 'S-1-5-21-2811345762-1903470151-3326587513-1102', domain='SOKHCN', member='CN=hotro.it,CN=Users,DC=sokhcn,DC=local', subject='admin.tmp'), event_type='AUDIT_SUCCESS', category='Security Group Management', task=13826))
write('win_privileged_group_member_added.positive.log', pos)
t = local('2026-11-24 10:00:00')
neg = [
    wazuh(t, 4728, 'Security', DC, fgroup('S-1-5-21-2811345762-1903470151-3326587513-1189', 'None', 'S-1-5-21-2811345762-1903470151-3326587513-513', domain='SOKHCN', subject='quantri.nv'), message='A member was added to a security-enabled global group.', task='13826'),
    evtx(add(t, 30), 4732, 'Security', 'KT-SRV02', fgroup('S-1-5-21-2811345762-1903470151-3326587513-1189', 'Users', 'S-1-5-32-545', subject='quantri.nv'), task='13826'),
    evtx(add(t, 60), 4732, 'Security', 'KT-SRV02', fgroup('S-1-5-21-2811345762-1903470151-3326587513-1189', 'Remote Desktop Users', 'S-1-5-32-555', subject='quantri.nv'), task='13826'),
    wazuh(add(t, 90), 4756, 'Security', DC, fgroup('S-1-5-21-2811345762-1903470151-3326587513-1189', 'GG-PhongKeToan', 'S-1-5-21-2811345762-1903470151-3326587513-1107', domain='SOKHCN', subject='quantri.nv'), message='A member was added to a security-enabled universal group.', task='13826'),
    wazuh(add(t, 120), 4729, 'Security', DC, fgroup('S-1-5-21-2811345762-1903470151-3326587513-1188', 'Domain Admins', 'S-1-5-21-2811345762-1903470151-3326587513-512', domain='SOKHCN', subject='quantri.nv'), message='A member was removed from a security-enabled global group.', task='13826'),
]
write('win_privileged_group_member_added.negative.log', neg)

# ---------------------------------------------------------------- audit log cleared
t = local('2026-11-23 23:58:41')
pos = [
    evtx(t, 1102, 'Security', SRV, None, provider='Microsoft-Windows-Eventlog', keywords='0x4020000000000000', task='104',
         user_data={'LogFileCleared': {'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1188', 'SubjectUserName': 'hotro.it', 'SubjectDomainName': 'SOKHCN', 'SubjectLogonId': '0x000000000053a17a'}}),
    wazuh(add(t, 3), 104, 'System', DC, None, provider='Microsoft-Windows-Eventlog', message='The System log file was cleared.', severity='INFORMATION', keywords='0x8000000000000000', task='104',
          user_data_name='logFileCleared', user_data={'SubjectUserName': 'hotro.it', 'SubjectDomainName': 'SOKHCN', 'Channel': 'System', 'BackupPath': ''}),
]
write('win_audit_log_cleared.positive.log', pos)
t = local('2026-11-23 02:00:00')
neg = [
    evtx(t, 1100, 'Security', SRV, None, provider='Microsoft-Windows-Eventlog', keywords='0x4020000000000000', task='103', user_data={'ServiceShutdown': {}}),
    evtx(add(t, 120), 1104, 'Security', SRV, None, provider='Microsoft-Windows-Eventlog', keywords='0x4020000000000000', task='104', user_data={'FileIsFull': {}}),
    wazuh(add(t, 180), 105, 'System', SRV, None, provider='Microsoft-Windows-Eventlog', message='Event log automatic backup', severity='INFORMATION', keywords='0x8000000000000000', task='105',
          user_data_name='autoBackup', user_data={'Channel': 'Security', 'BackupPath': 'C:\\Windows\\System32\\Winevt\\Logs\\Archive-Security-2026-11-23-02-03-00-000.evtx'}),
    wazuh(add(t, 240), 6006, 'System', SRV, {'Data': '62'}, provider='EventLog', message='The Event log service was stopped.', severity='INFORMATION', keywords='0x80000000000000'),
]
write('win_audit_log_cleared.negative.log', neg)

# ---------------------------------------------------------------- service installed
t = local('2026-11-22 01:12:08')
pos = [
    evtx(t, 7045, 'System', 'KT-SRV02', {'ServiceName': 'spoolfool', 'ImagePath': 'cmd.exe', 'ServiceType': 'user mode service', 'StartType': 'auto start', 'AccountName': 'LocalSystem'},
         provider='Service Control Manager', keywords='0x8080000000000000'),
    evtx(add(t, 140), 4697, 'Security', SRV, {'SubjectUserSid': 'S-1-5-21-2811345762-1903470151-3326587513-1188', 'SubjectUserName': 'hotro.it', 'SubjectDomainName': 'SOKHCN',
         'SubjectLogonId': '0x53a17a', 'ServiceName': 'spoolfool', 'ServiceFileName': 'cmd.exe', 'ServiceType': '0x10', 'ServiceStartType': '2', 'ServiceAccount': 'LocalSystem'}, task='12289'),
]
write('win_service_installed.positive.log', pos)
t = local('2026-11-22 08:30:00')
neg = [
    wazuh(t, 7036, 'System', 'KT-SRV02', {'Param1': 'Windows Update', 'Param2': 'running', 'Binary': '770075006100750073006500720076002F0034000000'}, provider='Service Control Manager', message='The Windows Update service entered the running state.', severity='INFORMATION', keywords='0x8080000000000000'),
    wazuh(add(t, 5), 7040, 'System', 'KT-SRV02', {'Param1': 'Background Intelligent Transfer Service', 'Param2': 'auto start', 'Param3': 'demand start', 'Param4': 'BITS'}, provider='Service Control Manager', message='The start type of the Background Intelligent Transfer Service service was changed from auto start to demand start.', severity='INFORMATION', keywords='0x8080000000000000'),
    wazuh(add(t, 65), 7009, 'System', 'KT-SRV02', {'Param1': '30000', 'Param2': 'VeeamDeploySvc'}, provider='Service Control Manager', message='A timeout was reached (30000 milliseconds) while waiting for the VeeamDeploySvc service to connect.', severity='ERROR', keywords='0x8080000000000000'),
]
write('win_service_installed.negative.log', neg)

# ---------------------------------------------------------------- scheduled task created
TASK_XML = '<?xml version="1.0" encoding="UTF-16"?>\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n  <Triggers>\n    <CalendarTrigger>\n      <StartBoundary>2026-11-21T02:00:00</StartBoundary>\n      <Enabled>true</Enabled>\n      <ScheduleByDay>\n        <DaysInterval>1</DaysInterval>\n      </ScheduleByDay>\n    </CalendarTrigger>\n  </Triggers>\n  <Principals>\n    <Principal id="LocalSystem">\n      <UserId>S-1-5-18</UserId>\n      <RunLevel>HighestAvailable</RunLevel>\n    </Principal>\n  </Principals>\n  <Actions Context="LocalSystem">\n    <Exec>\n      <Command>%s</Command>\n      <Arguments>%s</Arguments>\n    </Exec>\n  </Actions>\n</Task>'
def ftask(name, user, sid, command, args):
    return {'SubjectUserSid': sid, 'SubjectUserName': user, 'SubjectDomainName': 'SOKHCN' if sid != 'S-1-5-18' else 'NT AUTHORITY', 'SubjectLogonId': '0x000000000017e2d2' if sid != 'S-1-5-18' else '0x3e7',
            'TaskName': name, 'TaskContent': TASK_XML % (command, args), 'ClientProcessStartKey': '9007199254741021', 'ClientProcessId': '4512', 'ParentProcessId': '880', 'RpcCallClientLocality': '0', 'FQDN': 'KT-SRV02.sokhcn.local'}
t = local('2026-11-21 00:02:04')
pos = [evtx(t, 4698, 'Security', 'KT-SRV02', ftask('\\CYAlyNSS', 'admin.tmp', 'S-1-5-21-2811345762-1903470151-3326587513-1188', 'C:\\Users\\Public\\svc.exe', '-k netsvc'), task='12804')]
write('win_scheduled_task_created.positive.log', pos)
t = local('2026-11-21 03:15:00')
neg = [
    evtx(t, 4698, 'Security', 'KT-SRV02', ftask('\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan', 'KT-SRV02$', 'S-1-5-18', '%systemroot%\\system32\\usoclient.exe', 'StartScan'), task='12804'),
    evtx(add(t, 1), 4702, 'Security', 'KT-SRV02', ftask('\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan', 'KT-SRV02$', 'S-1-5-18', '%systemroot%\\system32\\usoclient.exe', 'StartScan'), task='12804'),
    evtx(add(t, 3600), 4699, 'Security', 'KT-SRV02', ftask('\\BackupDaily', 'quantri.nv', 'S-1-5-21-2811345762-1903470151-3326587513-1120', 'C:\\Scripts\\backup.cmd', ''), task='12804'),
]
write('win_scheduled_task_created.negative.log', neg)
