import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inFolder, mergeFolderPathSettings } from '../../../client/src/folderSettings';

describe('path settings per workspace folder', () => {
  test('${workspaceFolder} and relative paths belong to the folder that set them', () => {
    assert.equal(inFolder('${workspaceFolder}/es/config', '/ws/a'), '/ws/a/es/config');
    assert.equal(inFolder('es/config', '/ws/a'), '/ws/a/es/config');
    assert.equal(inFolder('/etc/elasticsearch', '/ws/a'), '/etc/elasticsearch');
    assert.equal(inFolder('${workspaceFolder:b}/x', '/ws/a'), '${workspaceFolder:b}/x', 'left for the server, which knows every folder');
  });

  test('folders are merged: mappings by container path, live folders once each', () => {
    const merged = mergeFolderPathSettings([
      { folder: '/ws/a', pathMappings: { '/usr/share/elasticsearch/config': '${workspaceFolder}/es' }, liveConfigDirs: ['conf'] },
      { folder: '/ws/b', pathMappings: { '/usr/share/kibana/config': 'kb' }, liveConfigDirs: ['/etc/es', '/etc/es'] },
    ]);
    assert.deepEqual(merged, {
      pathMappings: { '/usr/share/elasticsearch/config': '/ws/a/es', '/usr/share/kibana/config': '/ws/b/kb' },
      liveConfigDirs: ['/ws/a/conf', '/etc/es'],
    });
  });
});
