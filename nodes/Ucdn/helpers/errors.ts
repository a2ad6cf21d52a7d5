/**
 * Bad input found by a pure helper. It names the parameter as the user sees it in the
 * editor; the operation turns it into a NodeOperationError for the item being processed.
 */
export class ParameterError extends Error {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(`${parameter}: ${message}`);
		this.name = 'ParameterError';
	}
}
