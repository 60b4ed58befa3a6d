/** 抽查（双随机、一公开）: campaigns, the sampled units' answers, findings per record, public outcomes. */
export { spotChecksRoutes } from './routes';
export { inspectorTodo, personSpotCheckTodo, unitSpotChecksTodo } from './todo';
// The demo runs a campaign through the same commands as the API.
export { answerCampaign } from './answer';
export { createCampaign } from './create-campaign';
export { finishCampaign } from './finish-campaign';
export { getCampaign } from './list-campaigns';
export { recordFinding } from './record-finding';
