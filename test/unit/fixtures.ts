/** What several unit tests build the same way. */
import type { INode } from 'n8n-workflow';

/** The node an error is made for, as n8n hands it to the node's code. */
export const UCDN_NODE: INode = {
	id: '1',
	name: 'UCDN',
	type: 'n8n-nodes-ucdn.ucdn',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A task as Describe lists it: every URL in the task's status, finished at `finished` (0: not yet). */
export const listedTask = (
	id: string,
	status: string,
	created: number,
	finished = 0,
	urls = ['https://a.example.com/x.js'],
) => ({
	TaskId: id,
	Status: status,
	CreateTime: created,
	UrlLists: urls.map((Url) => ({ Url, Status: status, FinishTime: finished })),
});
