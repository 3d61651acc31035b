import mongoose from 'mongoose';

/** Which server answers: MongoDB itself or FerretDB (which names its version in `buildInfo`). */
export async function databaseEngine(): Promise<'mongodb' | 'ferretdb'> {
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'ferretdb' : 'mongodb';
}

interface Explained {
  queryPlanner: { winningPlan: Record<string, unknown> };
  executionStats?: { totalDocsExamined: number };
}

/** A MongoDB plan in brief: its stages from the top down, and the documents it examined. */
export function planSummary(explained: unknown): { stages: string[]; examined: number | undefined } {
  const { queryPlanner, executionStats } = explained as Explained;
  const stages: string[] = [];
  for (let node: Record<string, unknown> | undefined = queryPlanner.winningPlan; node;) {
    stages.push(String(node['stage']));
    node = node['inputStage'] as Record<string, unknown> | undefined;
  }
  return { stages, examined: executionStats?.totalDocsExamined };
}
