// Records where the official TypeScript SDK (@alicloud/rds20140815 over @alicloud/openapi-core) puts each
// parameter of a POST, into official-sdk-post-split.json: query-only and query+body operations, signature V1
// (signatureAlgorithm 'v2': doRPCRequest) and V3 (ACS3-HMAC-SHA256: doRequest), with an STS token, and an
// anonymous call (authType Anonymous, as STS AssumeRoleWithOIDC). The timestamp and nonce are fixed (the SDK's
// own Utils.getTimestamp/getNonce are replaced) so that a test can sign the same request and compare.
// Run it outside the repository (see README.md); the tests read the JSON and never run node.
const http = require('http');
const Rds = require('@alicloud/rds20140815');
const core = require('@alicloud/openapi-core');
const Utils = require('@alicloud/openapi-core/dist/utils').default;
const $OpenApiUtil = core.$OpenApiUtil;
const RdsClient = Rds.default;

const TIMESTAMP = '2026-12-01T08:00:00Z';
let nonces = 0;
Utils.getTimestamp = () => TIMESTAMP;
Utils.getNonce = () => 'nonce-' + (++nonces);

const ACCESS_KEY_ID = 'STSAKID';
const ACCESS_KEY_SECRET = 'stsSecret';
const SECURITY_TOKEN = 'CAIS-token/+=';

const recorded = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', c => body += c);
  req.on('end', () => {
    recorded.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.setHeader('Content-Type', 'application/json');
    res.end('{"RequestId":"R"}');
  });
});

function client(port, signature) {
  const config = {
    accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, securityToken: SECURITY_TOKEN,
    endpoint: '127.0.0.1:' + port, protocol: 'HTTP', regionId: 'cn-hangzhou',
  };
  if (signature === 'V1') config.signatureAlgorithm = 'v2';
  return new RdsClient(new $OpenApiUtil.Config(config));
}

const pairs = s => [...new URLSearchParams(s)];

async function run(name, signature, fn) {
  const before = recorded.length;
  try { await fn(); } catch (e) { console.error(name, signature, e.message); }
  const rec = recorded[before];
  const u = new URL(rec.url, 'http://x');
  const keep = ['host', 'x-acs-accesskey-id', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-security-token',
    'x-acs-content-sha256', 'x-acs-credentials-provider', 'content-type', 'authorization', 'accept'];
  const headers = {};
  for (const k of keep) if (rec.headers[k] !== undefined) headers[k] = rec.headers[k];
  return { name, signature, method: rec.method, path: u.pathname, rawQuery: u.search.replace(/^\?/, ''), query: pairs(u.search), rawBody: rec.body, body: pairs(rec.body), headers };
}

(async () => {
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const rt = new (require('@darabonba/typescript').RuntimeOptions)({});
  const out = [];
  for (const signature of ['V1', 'V3']) {
    const c = client(port, signature);
    // Only query parameters (main.dara: every parameter position='Query').
    out.push(await run('DescribeBackupTasks', signature, () => c.describeBackupTasks(new Rds.DescribeBackupTasksRequest({
      DBInstanceId: 'rm-uf6wjk5xxxxxxx', backupMode: 'Automated', backupJobStatus: 'Progressing', clientToken: 'a-token' }))));
    // ClientToken and DBInstanceId position='Query'; ConnectionString and DBInstanceEndpointId position='Body'.
    out.push(await run('DeleteDBInstanceEndpointAddress', signature, () => c.deleteDBInstanceEndpointAddress(new Rds.DeleteDBInstanceEndpointAddressRequest({
      clientToken: 'ETnLKlblzczshOTUbOCz****', DBInstanceId: 'pc-xxxxxxxxxx', DBInstanceEndpointId: 'ep-****', connectionString: 'new a&b=c/é.mysql.rds.aliyuncs.com' }))));
    // Body parameters only: Confirmor (long) and NotifyIdList (a list, shrink json), position='Body'.
    out.push(await run('ConfirmNotify', signature, () => c.confirmNotify(new Rds.ConfirmNotifyRequest({
      confirmor: 0, notifyIdList: [1, 2] }))));
    // authType Anonymous, as STS AssumeRoleWithOIDC is sent (its OIDCToken is position='Query' in sts-20150401).
    out.push(await run('AnonymousQueryAndBody', signature, () => {
      const req = new $OpenApiUtil.OpenApiRequest({ query: { RoleArn: 'acs:ram::1:role/r', OIDCToken: 'eyJ.q' }, body: { Extra: 'b v' } });
      const params = new $OpenApiUtil.Params({ action: 'AssumeRoleWithOIDC', version: '2015-04-01', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'Anonymous', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
      return c.callApi(params, req, rt);
    }));
  }
  const version = p => require(p + '/package.json').version;
  console.log(JSON.stringify({
    note: 'What the official TypeScript SDK sends for POST: where each parameter goes (URL query or form body) and what it signs. Made by tests/Shared/OfficialSdk/record-post-split.js (see README.md) against a loopback server, with the timestamp and the nonces fixed. The AccessKey, secret and STS token are made up.',
    sdk: { rds20140815: version('@alicloud/rds20140815'), openapiCore: version('@alicloud/openapi-core'), node: process.version },
    timestamp: TIMESTAMP, accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, securityToken: SECURITY_TOKEN,
    requests: out,
  }, null, 1));
  server.close();
})();
