using System.Collections.Immutable;

namespace PycSharp.Format.Marshal;

/// <summary>
/// Bytes CPython's reader accepts and ignores, which have no place in the object model: a FLAG_REF bit set on a
/// back-reference ('r') or on the NULL that ends a dict. CPython never writes them (Python/marshal.c masks the flag
/// off before dispatching on the type), but hostile or hand-made files may carry them. They are recorded by
/// position — the n-th reference, the n-th NULL in reading order — so the writer, which meets them in the same
/// order, can put them back.
/// </summary>
public sealed class MarshalIrregularities
{
    public static readonly MarshalIrregularities None = new([], []);

    public MarshalIrregularities(ImmutableArray<int> flaggedReferences, ImmutableArray<int> flaggedNulls)
    {
        FlaggedReferences = flaggedReferences;
        FlaggedNulls = flaggedNulls;
    }

    /// <summary>Ordinals (0-based, in reading order) of 'r' references whose type byte had FLAG_REF set.</summary>
    public ImmutableArray<int> FlaggedReferences { get; }

    /// <summary>Ordinals of NULL terminators whose type byte had FLAG_REF set.</summary>
    public ImmutableArray<int> FlaggedNulls { get; }

    public bool IsEmpty => FlaggedReferences.IsEmpty && FlaggedNulls.IsEmpty;
}
