import { StartPosition } from '../transport/transport.types';
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
  /** Members that left but may still be finishing a message; every rebalance revokes them first. */
  private readonly departing = new Set<InMemoryGroupMember>();
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
    this.departing.add(member);
    return this.rebalance();
  }

  position(partition: InMemoryPartition): number {
    return this.committed.get(partition) ?? 0;
  }

  /** Sets where the group starts on a partition it has never committed on (Kafka's auto.offset.reset). */
  startPosition(partition: InMemoryPartition, startAt: StartPosition): void {
    if (this.committed.has(partition)) return;
    this.committed.set(partition, startAt === 'latest' ? partition.endOffset : 0);
  }

  commit(partition: InMemoryPartition, nextOffset: number): void {
    this.committed.set(partition, Math.max(nextOffset, this.position(partition)));
  }

  private rebalance(): Promise<void> {
    this.rebalancing = this.rebalancing.then(async () => {
      const assignment = this.assign();
      const leaving = [...this.departing];
      const everyone = [...this.members, ...leaving];
      await Promise.all(everyone.map((member) => member.revokeAllBut(assignment.get(member) ?? [])));
      leaving.forEach((member) => this.departing.delete(member));
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
