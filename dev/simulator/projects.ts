/**
 * The project family: UAccount's GetProjectList, which fills the nodes' Project ID list. As
 * documented (docs.ucloud.cn/api/uaccount-api/get_project_list; ucloud-sdk-go
 * services/uaccount GetProjectListRequest/Response and ProjectListInfo): signed like every
 * action; public parameters Action, PublicKey and Signature only, so not scoped by ProjectId
 * (one sent is ignored); optional IsFinance `Yes` | `No`; no paging. The answer is
 * `ProjectCount` and `ProjectSet`, each project with ProjectId, ProjectName, CreateTime (Unix
 * seconds), IsDefault (boolean), MemberCount, ResourceCount and the deprecated, optional
 * ParentId and ParentName. The account has three projects (see seedProjects in data.ts), one
 * default; `projects` replaces them. They are also the ProjectIds every scoped action accepts.
 */
import type { ProjectInfo } from './data';
import { ParamError } from './params';
import type { ActionRequest, Fields } from './types';

/** GetProjectList: every project of the account, whatever ProjectId says. */
export function projectList(projects: readonly ProjectInfo[], { params }: ActionRequest): Fields {
	const { IsFinance } = params;
	if (IsFinance !== undefined && !['Yes', 'No'].includes(IsFinance))
		throw new ParamError(`Params [IsFinance] not valid: ${IsFinance}`);
	return { ProjectCount: projects.length, ProjectSet: structuredClone(projects) };
}
