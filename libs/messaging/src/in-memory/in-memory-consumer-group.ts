import type { InMemoryBroker } from './in-memory.broker';
import type { InMemoryGroupMember } from './in-memory-group-member';
import { InMemoryPartition } from './in-memory-partition';

/**
 * Splits the partitions of the subscribed topics among the members and keeps the committed offsets.
 * Rebalances run one at a time: members first finish and commit what they lose, then take what they gain,
 * so a partition is never worked on by two members at once.
 */
export class InMemoryConsumerGroup {
  private readonly members: InMemoryGroupMember[] = [];
  private readonly committed = new Map<InMemoryPartition, number>();
  private rebalancing: Promise<void> = Promise.resolve();

  constructor(private readonly broker: InMemoryBroker) {}

  join(member: InMemoryGroupMember): Promise<void> {
    this.members.push(member);
    return this.rebalance();
  }

  leave(member: InMemoryGroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    return this.rebalance(member);
  }

  position(partition: InMemoryPartition): number {
    return this.committed.get(partition) ?? 0;
  }

  commit(partition: InMemoryPartition, nextOffset: number): void {
    this.committed.set(partition, Math.max(nextOffset, this.position(partition)));
  }

  private rebalance(leaving?: InMemoryGroupMember): Promise<void> {
    this.rebalancing = this.rebalancing.then(async () => {
      const assignment = this.assign();
      const everyone = leaving ? [...this.members, leaving] : this.members;
      await Promise.all(everyone.map((member) => member.revokeAllBut(assignment.get(member) ?? [])));
      await Promise.all(this.members.map((member) => member.take(assignment.get(member) ?? [])));
    });
    return this.rebalancing;
  }

  /** Round-robin over each topic's partitions among the members subscribed to that topic. */
  private assign(): Map<InMemoryGroupMember, InMemoryPartition[]> {
    const assignment = new Map<InMemoryGroupMember, InMemoryPartition[]>(this.members.map((m) => [m, []]));
    const topics = [...new Set(this.members.flatMap((member) => member.topics))].sort();
    for (const topic of topics) {
      const subscribers = this.members.filter((member) => member.topics.includes(topic));
      this.broker.partitions(topic).forEach((partition, index) => {
        assignment.get(subscribers[index % subscribers.length])?.push(partition);
      });
    }
    return assignment;
  }
}
