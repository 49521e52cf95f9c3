import { PROBLEM_IDS } from '../problem-catalogue';
import { allocateQuotas } from './allocate-quotas.util';
import { MIN_SESSIONS_PER_PROBLEM, planSessions } from './plan-sessions.util';

describe('planSessions', () => {
  it('plans the same sessions for the same seed and count', () => {
    expect(planSessions(3, 24)).toEqual(planSessions(3, 24));
  });

  it('plans differently for another seed', () => {
    const a = planSessions(3, 24).map((plan) => [plan.journey.name, plan.persona.name, plan.distinctId]);
    const b = planSessions(4, 24).map((plan) => [plan.journey.name, plan.persona.name, plan.distinctId]);
    expect(a).not.toEqual(b);
  });

  it('names sessions s-<seed>-<index> with distinct user and window ids', () => {
    const plans = planSessions(3, 24);
    expect(plans.map((plan) => plan.sessionId).slice(0, 2)).toEqual(['s-3-000', 's-3-001']);
    expect(new Set(plans.map((plan) => plan.windowId)).size).toBe(24);
    plans.forEach((plan) => expect(plan.distinctId).toMatch(/^u-3-[0-9a-f]{8}$/));
  });

  it.each([20, 24, 50, 101])('switches every problem on at least twice in %i sessions', (count) => {
    const plans = planSessions(7, count);
    for (const problem of PROBLEM_IDS) {
      const withProblem = plans.filter((plan) => plan.journey.problems.includes(problem));
      expect(withProblem.length).toBeGreaterThanOrEqual(MIN_SESSIONS_PER_PROBLEM);
    }
  });

  it('keeps about a quarter happy and combines the noise with a real problem a couple of times', () => {
    const plans = planSessions(3, 24);
    expect(plans.filter((plan) => plan.journey.name === 'happy-path')).toHaveLength(6);
    const combined = plans.filter((plan) => plan.journey.problems.length > 1);
    expect(combined.length).toBeGreaterThanOrEqual(2);
  });

  it('lets shoppers both give up and push through on a problem that allows either', () => {
    const plans = planSessions(3, 24).filter((plan) => plan.journey.script === 'vague-zip-validation');
    expect(new Set(plans.map((plan) => plan.givesUp))).toEqual(new Set([true, false]));
  });

  it('spaces session starts 7 minutes apart from 2026-03-02 09:00 UTC', () => {
    const [first, second] = planSessions(3, 2);
    expect(first.startTime - Date.UTC(2026, 2, 2, 9)).toBeLessThanOrEqual(90_000);
    expect(second.startTime - first.startTime).toBeGreaterThan(7 * 60_000 - 90_000);
  });

  it('rejects a count below 1', () => {
    expect(() => planSessions(1, 0)).toThrow('≥ 1');
  });
});

describe('allocateQuotas', () => {
  it('splits proportionally and always adds up to the total', () => {
    expect(allocateQuotas([0.5, 0.25, 0.25], 4)).toEqual([2, 1, 1]);
    expect(allocateQuotas([1, 1, 1], 5)).toEqual([2, 2, 1]);
    expect(allocateQuotas([0.25, 0.15, 0.6], 7).reduce((a, b) => a + b)).toBe(7);
  });
});
