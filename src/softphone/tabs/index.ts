export { claimLeadership, type Leadership, type LockManagerLike } from './leader-election';
export { chooseScreenPopTab, TabActivity, type TabActivityState } from './tab-activity';
export { TabBus, type BroadcastChannelLike, type TabBusProblem } from './tab-bus';
export { TabFollower, type TabFollowerOptions } from './tab-follower';
export { sessionToRestore, type Handover } from './handover';
export { TabLeader, type LeaderServices } from './tab-leader';
export { LEADER_LOCK_NAME, TAB_CHANNEL_NAME, TAB_PROTOCOL_VERSION } from './tab-protocol';
