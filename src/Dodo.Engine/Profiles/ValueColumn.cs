namespace Dodo.Engine.Profiles;

/// <summary>
/// Which sample column holds the weight and how the sample count is obtained: from a count
/// column, by dividing the value by the period, or one per sample record.
/// </summary>
internal sealed record ValueColumn(
    int ValueIndex,
    string ValueType,
    string ValueUnit,
    bool ScaleByPeriod,
    int CountIndex,
    bool CountFromPeriod)
{
    public long ValueOf(IReadOnlyList<long> values, long period) =>
        ScaleByPeriod ? checked(values[ValueIndex] * period) : values[ValueIndex];

    public long CountOf(IReadOnlyList<long> values, long value, long period)
    {
        if (CountIndex >= 0)
        {
            return values[CountIndex];
        }

        if (CountFromPeriod && period > 0)
        {
            // Rounded, so a sample worth 0.99 periods after rescaling still counts as one.
            return (value + (period / 2)) / period;
        }

        return value > 0 ? 1 : 0;
    }
}
