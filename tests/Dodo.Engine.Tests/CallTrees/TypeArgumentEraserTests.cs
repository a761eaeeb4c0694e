using System.Diagnostics;
using Dodo.Engine.CallTrees;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>Rule N2: generic type arguments become <c>[...]</c>, whatever Go version printed them.</summary>
public class TypeArgumentEraserTests
{
    // Names as they appear in the shared fixtures 9seconds-mtg (Go 1.26) and dundee-gdu.
    [TestCase(
        "internal/runtime/atomic.(*Pointer[go.shape.struct { runtime.spanSetBlockHeader2; "
        + "runtime.spans [512]runtime.atomicMSpanPointer }]).Load",
        "internal/runtime/atomic.(*Pointer[...]).Load")]
    [TestCase(
        "crypto/hmac.New.UnwrapNew[go.shape.interface { BlockSize() int; Reset(); Size() int; "
        + "Sum([]uint8) []uint8; Write([]uint8) (int, error) }].func1",
        "crypto/hmac.New.UnwrapNew[...].func1")]
    [TestCase("github.com/rivo/uniseg.propertySearch[go.shape.[3]int]", "github.com/rivo/uniseg.propertySearch[...]")]
    [TestCase("github.com/benbjohnson/immutable.(*sortedMapBranchNode[go.shape.int,go.shape.string]).set"
        + ".(*sortedMapLeafNode[go.shape.int,go.shape.string]).indexOf",
        "github.com/benbjohnson/immutable.(*sortedMapBranchNode[...]).set.(*sortedMapLeafNode[...]).indexOf")]
    [TestCase("app.(*Cache[...]).Get", "app.(*Cache[...]).Get")]
    [TestCase("app.(*Cache[K,V]).Get", "app.(*Cache[...]).Get")]
    [TestCase("app.F[map[string][]int,go.shape.*uint8]", "app.F[...]")]
    [TestCase("app.F[go.shape.struct { A int \"json:\\\"a]\\\"\" }].func1", "app.F[...].func1")]
    [TestCase("std::vector<int>::operator[]", "std::vector<int>::operator[]")]
    [TestCase("<[T] as core::slice::index::Index<I>>::index", "<[T] as core::slice::index::Index<I>>::index")]
    [TestCase("[unknown]", "[unknown]")]
    [TestCase("app.F[unclosed", "app.F[unclosed")]
    public void GenericArgumentsAreErasedAndOtherBracketsKept(string raw, string expected)
    {
        Assert.That(TypeArgumentEraser.Erase(raw), Is.EqualTo(expected));
    }

    [Test]
    public void AHostileNameOfUnclosedBracketsIsHandledInLinearTime()
    {
        var hostile = "a" + string.Concat(Enumerable.Repeat("[a", 200_000));
        var clock = Stopwatch.StartNew();

        var erased = TypeArgumentEraser.Erase(hostile);

        Assert.Multiple(() =>
        {
            Assert.That(erased, Is.EqualTo(hostile));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        });
    }
}
