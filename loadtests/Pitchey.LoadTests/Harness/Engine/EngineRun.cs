namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>What every connection of one run shares: the plan, the clock marks, the timetable, the turns of the targets, the recorder, the pacer.</summary>
internal sealed record EngineRun(
    EnginePlan Plan, RunControl Control, OpenSchedule Schedule, TargetSlices Slices, RunRecorder Recorder, Pacer Pacer);
