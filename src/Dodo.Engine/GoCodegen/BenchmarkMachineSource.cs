using System.Globalization;
using System.Text;
using Dodo.Engine.Benchmarks;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// The part of the benchmark file that reproduces the machine state (<see cref="MachineState"/>):
/// the fitted state, the replay every round of the benchmark shares (copies of the cases and a
/// ballast heap, built once per process), and the player that picks each goroutine's next case.
/// </summary>
internal sealed class BenchmarkMachineSource(string prefix, string caseType, GoLiteralWriter writer)
{
    /// <summary>The locals of the functions written here; imports must not take these names.</summary>
    public static readonly string[] Locals =
        ["m", "s", "err", "r", "i", "previous", "p", "n", "slot", "position", "length", "k", "cases", "build"];

    public void Write(StringBuilder body, MachineState machine)
    {
        machine.Validate();
        WriteState(body, machine);
        WriteReplay(body);
        WritePlayer(body);
    }

    private void WriteState(StringBuilder body, MachineState machine)
    {
        var description = BenchmarkProvenance.Sanitize(machine.Describe());
        var fields = string.Create(CultureInfo.InvariantCulture,
            $"window: {machine.Window}, repeats: {machine.Repeats}, copies: {machine.Copies}, "
            + $"ballast: {machine.BallastBytes}, gogc: {machine.Gogc}");
        body.Append(CultureInfo.InvariantCulture, $$"""
            // {{prefix}}Machine is the state of the machine a run reproduces besides the inputs.
            type {{prefix}}Machine struct {
            window  int   // cases each goroutine keeps in play, picked at random; 0: cycle through all
            repeats int   // calls a case gets while in play
            copies  int   // separately allocated copies of the cases the cycle goes through
            ballast int64 // bytes of long-lived heap beside the cases, so the GC paces itself by a service's heap
            gogc    int   // the GC's percent while the benchmark runs; 0 keeps the process's
            }

            // {{prefix}}Fitted is the state dodo fitted to production: {{description}}.
            var {{prefix}}Fitted = {{prefix}}Machine{{{fields}}}

            // {{prefix}}Calibration, when set, calls case k through a function of its own, so that a profile tells
            // the cases apart. Only dodo's calibration builds set it.
            var {{prefix}}Calibration []func(*{{caseType}}) {{prefix}}Out


            """);
    }

    private void WriteReplay(StringBuilder body)
    {
        var once = writer.Qualify("sync", "Once");
        var testingB = writer.Qualify("testing", "B");
        var getenv = writer.Qualify("os", "Getenv");
        var scan = writer.Qualify("fmt", "Sscan");
        var setGCPercent = writer.Qualify("runtime/debug", "SetGCPercent");
        var collect = writer.Qualify("runtime", "GC");
        body.Append(CultureInfo.InvariantCulture, $$"""
            // {{prefix}}Replay is what every round of the benchmark in one process shares.
            type {{prefix}}Replay struct {
            cases   [][]{{caseType}}
            ballast []*[56]byte
            }

            var (
            {{prefix}}Once     {{once}}
            {{prefix}}Prepared *{{prefix}}Replay
            {{prefix}}State    {{prefix}}Machine
            )

            // {{prefix}}Prepare builds the replay once per process, in the fitted state or the one dodo's
            // calibration asks for in {{MachineState.Variable}}: the testing package calls the benchmark several
            // times while it sizes b.N, and every round must see the same heap.
            func {{prefix}}Prepare(b *{{testingB}}) (*{{prefix}}Replay, {{prefix}}Machine) {
            {{prefix}}Once.Do(func() {
            m := {{prefix}}Fitted
            if s := {{getenv}}("{{MachineState.Variable}}"); s != "" {
            _, err := {{scan}}(s, &m.window, &m.repeats, &m.copies, &m.ballast, &m.gogc)
            if err != nil || m.window < 0 || m.window > {{MachineState.MaxWindow}} ||
            m.repeats < 0 || m.repeats > {{MachineState.MaxRepeats}} || m.window > 0 && m.repeats < 1 ||
            m.copies < 1 || m.copies > {{MachineState.MaxCopies}} ||
            m.ballast < 0 || m.ballast > {{MachineState.MaxBallastBytes}} || m.gogc < 0 {
            panic("dodo: {{MachineState.Variable}} is not \"window repeats copies ballast gogc\": " + s)
            }
            }
            r := &{{prefix}}Replay{ballast: make([]*[56]byte, m.ballast/64)}
            for i := 0; i < m.copies; i++ {
            r.cases = append(r.cases, {{prefix}}NewCases())
            }
            for i := range r.ballast {
            r.ballast[i] = new([56]byte)
            }
            {{prefix}}Prepared, {{prefix}}State = r, m
            })
            if {{prefix}}State.gogc > 0 {
            previous := {{setGCPercent}}({{prefix}}State.gogc)
            b.Cleanup(func() { {{setGCPercent}}(previous) })
            }
            {{collect}}()
            b.ResetTimer()
            return {{prefix}}Prepared, {{prefix}}State
            }


            """);
    }

    private void WritePlayer(StringBuilder body)
    {
        body.Append(CultureInfo.InvariantCulture, $$"""
            // {{prefix}}Player picks the cases one goroutine calls: the schedule's entries in turn, through
            // every copy of the cases, and with a window at random among the entries in play.
            type {{prefix}}Player struct {
            replay *{{prefix}}Replay
            window []int // positions in the stream of schedule entries that are in play
            next   int   // the next position to bring into play
            repeats int  // calls between two moves of the window
            calls  int   // calls since the window last moved
            oldest int   // the window slot to replace next
            random uint64
            }

            // {{prefix}}NewPlayer starts goroutine n far from the others, so they do not call the same cases at once.
            func {{prefix}}NewPlayer(r *{{prefix}}Replay, m {{prefix}}Machine, n int) *{{prefix}}Player {
            p := &{{prefix}}Player{replay: r, next: n * 7919, repeats: m.repeats}
            p.random = uint64(n)*0x9E3779B97F4A7C15 | 1
            for i := 0; i < m.window; i++ {
            p.window = append(p.window, p.next)
            p.next++
            }
            return p
            }

            // pick returns the index of the next call's case in the schedule's table, and the case.
            func (p *{{prefix}}Player) pick() (int, *{{caseType}}) {
            position := p.next
            if n := len(p.window); n > 0 {
            p.random ^= p.random << 13
            p.random ^= p.random >> 7
            p.random ^= p.random << 17
            slot := int(p.random % uint64(n))
            position = p.window[slot]
            if p.calls++; p.calls >= p.repeats {
            p.window[p.oldest] = p.next
            p.oldest = (p.oldest + 1) % n
            p.calls = 0
            p.next++
            }
            } else {
            p.next++
            }
            length := len({{prefix}}Schedule)
            k := {{prefix}}Schedule[position%length]
            return k, &p.replay.cases[position/length%len(p.replay.cases)][k]
            }


            """);
    }
}
