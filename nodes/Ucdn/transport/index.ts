import type {
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, resolveEndpoint } from './credentials';
import { retCodeHint, retCodeMessage } from './retCodes';
import type { ParamValue } from './signing';

export type UcdnContext = IExecuteFunctions | IPollFunctions;

/** Where requests go, read once from the credential per execution. */
export interface ApiTarget {
	endpoint: string;
	defaultProjectId?: string;
}

/** A successful answer: RetCode 0 plus whatever fields the action returns. */
export type UcdnResponse = IDataObject & { RetCode: 0 };

export async function getApiTarget(this: UcdnContext): Promise<ApiTarget> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const resolved = resolveEndpoint(credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), resolved.problem, {
			description: 'Open the UCloud API credential and check its API Endpoint.',
		});
	}
	const projectId = String(credentials.projectId ?? '').trim();
	return { endpoint: resolved.url, defaultProjectId: projectId || undefined };
}

const BODY_PREVIEW_LENGTH = 200;

function preview(body: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > BODY_PREVIEW_LENGTH ? `${flat.slice(0, BODY_PREVIEW_LENGTH)}…` : flat;
}

/** What went wrong on the network, in words and with the system's error code where there is one. */
function networkReason(error: unknown): string {
	const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
	const errorCode = typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined;
	const text = typeof message === 'string' && message !== '' ? message : 'Network error';
	return errorCode && !text.includes(errorCode) ? `${text} (${errorCode})` : text;
}

/**
 * Calls one UCDN action: a signed POST with a JSON body (the credential's `authenticate`
 * adds PublicKey and Signature). Every failure becomes a NodeApiError a user can act on:
 * unreachable endpoint, HTTP error, a body that is not a UCloud answer, or RetCode ≠ 0.
 */
export async function ucdnRequest(
	this: UcdnContext,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	itemIndex = 0,
): Promise<UcdnResponse> {
	const node = this.getNode();
	const body: Record<string, ParamValue> = { Action: action, ...params };
	if (body.ProjectId === undefined || body.ProjectId === '') body.ProjectId = target.defaultProjectId;

	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			baseURL: target.endpoint,
			url: '/',
			body: body as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const reason = networkReason(error);
		throw new NodeApiError(node, { action, endpoint: target.endpoint, reason } as JsonObject, {
			message: `Could not reach the UCloud API at ${target.endpoint} for ${action}`,
			description: `${reason}. Check the credential's API Endpoint and that n8n can reach it.`,
			itemIndex,
		});
	}

	const { statusCode } = response;
	let answer: unknown = response.body;
	if (typeof answer === 'string') {
		try {
			answer = JSON.parse(answer);
		} catch {
			// Not JSON: reported below together with the status and the start of the body.
		}
	}
	if (statusCode < 200 || statusCode > 299) {
		throw new NodeApiError(node, { action, statusCode } as JsonObject, {
			message: `UCloud API ${action} failed with HTTP ${statusCode}`,
			description: `Response: ${preview(answer) || '(empty)'}`,
			httpCode: String(statusCode),
			itemIndex,
		});
	}
	const data = answer as IDataObject | null;
	if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof data.RetCode !== 'number') {
		throw new NodeApiError(node, { action, statusCode } as JsonObject, {
			message: `UCloud API ${action} returned a response that is not a UCloud answer`,
			description: `HTTP ${statusCode}, body: ${preview(answer) || '(empty)'}. Check the credential's API Endpoint.`,
			itemIndex,
		});
	}
	if (data.RetCode !== 0) {
		throw new NodeApiError(node, data as JsonObject, {
			message: retCodeMessage(action, data.RetCode, data.Message),
			description: retCodeHint(data.RetCode),
			itemIndex,
		});
	}
	return data as UcdnResponse;
}
