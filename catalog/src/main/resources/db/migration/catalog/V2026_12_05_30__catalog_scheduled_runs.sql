-- Scheduled jobs run once per run slot across every instance of the app (ScheduledRuns). A slot is the
-- job's scheduled time truncated to its period (the minute for an every-minute job, the latest 07:00 in
-- Asia/Ho_Chi_Minh for the daily one). The instance whose insert of (job, slot) succeeds runs the job; every
-- other instance's insert conflicts and it skips that slot. Each successful claim deletes its job's rows more
-- than a week older than the new slot.

create table scheduled_run (
    job         text not null,
    slot        timestamptz not null,
    claimed_by  text not null,
    claimed_at  timestamptz not null,
    primary key (job, slot)
);
