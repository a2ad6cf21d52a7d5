import { UCloudApi } from '../../../credentials/UCloudApi.credentials';
import { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';

test('the credential type is ucloudApi, the name saved credentials and workflows refer to', () => {
	expect(CREDENTIAL_TYPE).toBe('ucloudApi');
	expect(new UCloudApi().name).toBe(CREDENTIAL_TYPE);
});
