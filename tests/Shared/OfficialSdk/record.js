// Records what the official TypeScript SDK (@alicloud/rds20140815 + @alicloud/openapi-core) sends, into
// official-sdk-requests.json: the known answers of the request wire-form and endpoint tests. See README.md.
// Run it outside the repository: the tests read the JSON and never run node.
const http = require('http');
const Rds = require('@alicloud/rds20140815');
const core = require('@alicloud/openapi-core');
const OpenApiUtil = core.OpenApiUtil;
const $OpenApiUtil = core.$OpenApiUtil;
const RdsClient = Rds.default;

const recorded = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', c => body += c);
  req.on('end', () => {
    recorded.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.setHeader('Content-Type', 'application/json');
    res.end('{"RequestId":"R"}');
  });
});

function client(port) {
  return new RdsClient(new $OpenApiUtil.Config({
    accessKeyId: 'ak', accessKeySecret: 'secret', endpoint: '127.0.0.1:' + port, protocol: 'HTTP', regionId: 'cn-hangzhou',
  }));
}

function parameters(rec) {
  const u = new URL(rec.url, 'http://x');
  const out = [];
  for (const [k, v] of u.searchParams) out.push([k, v]);
  if (rec.body) for (const [k, v] of new URLSearchParams(rec.body)) out.push([k, v]);
  return out;
}
async function run(name, fn) {
  const before = recorded.length;
  try { await fn(); } catch (e) { console.error(name, e.message); }
  const rec = recorded[before];
  return { name, action: rec.headers['x-acs-action'], method: rec.method, inUrl: parameters({ url: rec.url }).length, inBody: rec.body ? parameters({ url: '/', body: rec.body }).length : 0, parameters: parameters(rec) };
}

(async () => {
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const c = client(port);
  const rt = new (require('@darabonba/typescript').RuntimeOptions)({});
  const out = [];

  out.push(await run('AddTagsToResource', () => c.addTagsToResource(new Rds.AddTagsToResourceRequest({
    DBInstanceId: 'rm-uf6wjk5xxxxxxx', regionId: 'cn-hangzhou',
    tag: [new Rds.AddTagsToResourceRequestTag({ key: 'env', value: 'prod' }), new Rds.AddTagsToResourceRequestTag({ key: 'team', value: 'a b&c=d/é' })],
  }))));
  out.push(await run('TagResources', () => c.tagResources(new Rds.TagResourcesRequest({
    regionId: 'cn-hangzhou', resourceType: 'INSTANCE', resourceId: ['rm-a', 'rm-b'],
    tag: [new Rds.TagResourcesRequestTag({ key: 'k1', value: 'v1' }), new Rds.TagResourcesRequestTag({ key: 'k2' }), new Rds.TagResourcesRequestTag({ key: 'k3', value: '' })],
  }))));
  out.push(await run('CreateDBInstanceServerless', () => c.createDBInstance(new Rds.CreateDBInstanceRequest({
    regionId: 'cn-hangzhou', engine: 'MySQL', engineVersion: '8.0', DBInstanceClass: 'mysql.n2.serverless.1c', DBInstanceStorage: 20,
    DBInstanceNetType: 'Intranet', payType: 'Serverless',
    serverlessConfig: new Rds.CreateDBInstanceRequestServerlessConfig({ autoPause: true, maxCapacity: 8, minCapacity: 0.5, switchForce: false }),
  }))));
  out.push(await run('AttachRCInstancesSimple', () => c.attachRCInstances(new Rds.AttachRCInstancesRequest({
    instanceIds: ['rc-1', 'rc-2', 'rc-3'], regionId: 'cn-hangzhou', clusterName: 'c' }))));
  out.push(await run('DescribeBackupsMinuteDates', () => c.describeBackups(new Rds.DescribeBackupsRequest({
    DBInstanceId: 'rm-uf6wjk5xxxxxxx', startTime: '2011-06-01T16:00Z', endTime: '2011-06-15T16:00Z', pageNumber: 2, pageSize: 30, backupStatus: 'Success' }))));
  out.push(await run('DescribeDBInstancesNextToken', () => c.describeDBInstances(new Rds.DescribeDBInstancesRequest({
    regionId: 'cn-hangzhou', maxResults: 2, nextToken: 'o7PORW5o2TJg**', expired: true, tags: '{"k":"v"}' }))));

  // ModifyBackupPolicy with AdvancedDataPolicies/AdvancedLogPolicies: the npm package (15.4.0) predates them, so
  // the request is built exactly as main.tea's modifyBackupPolicyWithOptions builds it (query[...] = the list,
  // then OpenApiUtil.query flattens) and sent through the same callApi.
  out.push(await run('ModifyBackupPolicyAdvanced', () => {
    const query = {
      AdvancedDataPolicies: [
        { ActionType: 'CREATE', BakType: 'F', DestRegion: 'cn-hangzhou', DestType: 'level1', FilterKey: 'Weekly', FilterType: 'crontab', FilterValue: '1,2', OnlyPreserveOneEachDay: true, OnlyPreserveOneEachHour: false, RetentionType: 'delay', RetentionValue: 7, SrcRegion: 'cn-hangzhou', SrcType: 'db' },
        { ActionType: 'DELETE', StrategyId: '12345' },
      ],
      AdvancedLogPolicies: [ { ActionType: 'UPDATE', DestRegion: 'cn-hangzhou', DestType: 'level1', EnableLogBackup: 1, LogRetentionType: 'delay', LogRetentionValue: 7, SrcRegion: 'cn-hangzhou', SrcType: 'db', StrategyId: '9' } ],
      DBInstanceId: 'rm-uf6wjk5xxxxxxx', BackupRetentionPeriod: '7', PreferredBackupTime: '00:00Z-01:00Z', PreferredBackupPeriod: 'Monday,Wednesday',
    };
    const req = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
    const params = new $OpenApiUtil.Params({ action: 'ModifyBackupPolicy', version: '2014-08-15', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
    return c.callApi(params, req, rt);
  }));
  // A map, flat (OpenApiUtil.query) and json (arrayToStringWithSpecifiedStyle), as ModifyDBInstance's Parameters
  // (map[string]string, shrink json) and RunRCCommand's Parameters (map[string]any) are sent.
  out.push(await run('MapFlatAndJson', () => {
    const query = { Flat: { max_connections: '100', 'a.b': 'x' }, Json: OpenApiUtil.arrayToStringWithSpecifiedStyle({ max_connections: '100', wait_timeout: 30, on: true, nested: { k: [1, 'two'] } }, 'Json', 'json') };
    const req = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
    const params = new $OpenApiUtil.Params({ action: 'ModifyDBInstance', version: '2014-08-15', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
    return c.callApi(params, req, rt);
  }));
  // Edge cases of the styles, straight from OpenApiUtil: nulls in lists keep their index, empty lists, nested lists.
  const edges = {
    repeatListWithNull: OpenApiUtil.query({ L: ['a', null, 'c'] }),
    repeatListEmpty: OpenApiUtil.query({ L: [] }),
    nested: OpenApiUtil.query({ A: [{ B: [{ C: 'x' }, { C: 'y' }] }], M: [[1, 2], [3]] }),
    numbers: OpenApiUtil.query({ I: 7, D: 0.1, Big: 1e21, Neg: -2.5, T: true, F: false }),
    simpleEmpty: OpenApiUtil.arrayToStringWithSpecifiedStyle([], 'S', 'simple'),
    simpleWithNull: OpenApiUtil.arrayToStringWithSpecifiedStyle(['a', null, 'c'], 'S', 'simple'),
    simpleBooleans: OpenApiUtil.arrayToStringWithSpecifiedStyle([true, 1, 'x'], 'S', 'simple'),
    jsonEmpty: OpenApiUtil.arrayToStringWithSpecifiedStyle([], 'J', 'json'),
    jsonEscapes: OpenApiUtil.arrayToStringWithSpecifiedStyle(['q"b\\s/\u0001\n\t\u00e9\u2028<>&\ud800'], 'J', 'json'),
    jsonModelWithUnset: OpenApiUtil.arrayToStringWithSpecifiedStyle(new Rds.CreateDBInstanceRequestServerlessConfig({ maxCapacity: 8 }), 'J', 'json'),
    jsonListOfModels: OpenApiUtil.arrayToStringWithSpecifiedStyle([new Rds.TagResourcesRequestTag({ key: 'k', value: 'v' }), new Rds.TagResourcesRequestTag({ key: 'k2' })], 'J', 'json'),
    spaceDelimited: OpenApiUtil.arrayToStringWithSpecifiedStyle(['a', 'b'], 'S', 'spaceDelimited'),
    pipeDelimited: OpenApiUtil.arrayToStringWithSpecifiedStyle(['a', 'b'], 'S', 'pipeDelimited'),
    repeatListString: OpenApiUtil.arrayToStringWithSpecifiedStyle(['a', 'b'], 'R', 'repeatList'),
    jsonListWithNull: OpenApiUtil.arrayToStringWithSpecifiedStyle(['a', null, 'c'], 'J', 'json'),
    jsonListOfModelsWithNull: OpenApiUtil.arrayToStringWithSpecifiedStyle([new Rds.TagResourcesRequestTag({ key: 'k' }), null], 'J', 'json'),
    jsonNumbers: OpenApiUtil.arrayToStringWithSpecifiedStyle([0.1, 1e21, 1e-7, 123456789012, -0, 2.5e-6, 100, 1.5], 'J', 'json'),
    jsonMapOfModels: OpenApiUtil.arrayToStringWithSpecifiedStyle({ a: new Rds.TagResourcesRequestTag({ key: 'k' }) }, 'J', 'json'),
    flatShapeInShape: OpenApiUtil.query({ S: { Inner: { X: 1 }, L: ['p'] } }),
    flatMapOfModels: OpenApiUtil.query({ M: { a: new Rds.TagResourcesRequestTag({ key: 'k', value: 'v' }) } }),
    emptyStringValue: OpenApiUtil.query({ E: '' }),
    numbersToString: [0.1, 1e21, 1e-7, 123456789012, 2.5e-6, 1e16, 1.7976931348623157e308, 5e-324, 0.000001, 123.456].map(x => x.toString()),
  };

  // Hosts: what the generated RDS client's getEndpoint picks (map first, then the rule), and the rule alone.
  const hosts = {};
  const regions = ['cn-hangzhou', 'cn-beijing', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'cn-hangzhou-finance', 'ap-northeast-1', 'eu-central-1', 'cn-chengdu', 'ap-southeast-5', 'me-east-1'];
  for (const network of [undefined, 'vpc', 'public', 'internal']) {
    for (const region of regions) {
      const cfg = { accessKeyId: 'ak', accessKeySecret: 's', regionId: region };
      if (network) cfg.network = network;
      const rc = new RdsClient(new $OpenApiUtil.Config(cfg));
      hosts[(network || 'default') + ' ' + region] = rc._endpoint;
    }
  }
  const suffixed = new RdsClient(new $OpenApiUtil.Config({ accessKeyId: 'ak', accessKeySecret: 's', regionId: 'ap-northeast-1', network: 'vpc', suffix: 'share' }))._endpoint;
  let noRegion;
  try { noRegion = new RdsClient(new $OpenApiUtil.Config({ accessKeyId: 'ak', accessKeySecret: 's' }))._endpoint; } catch (e) { noRegion = 'error: ' + e.message; }

  console.log(JSON.stringify({ sdk: { rds20140815: require('@alicloud/rds20140815/package.json').version, openapiCore: require('@alicloud/openapi-core/package.json').version, node: process.version }, requests: out, edges, hosts, suffixed, noRegion }, null, 1));
  server.close();
})();
