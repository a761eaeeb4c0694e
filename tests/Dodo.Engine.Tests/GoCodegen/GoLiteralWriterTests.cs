using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.Snapshots;
using static Dodo.Engine.Tests.GoCodegen.TestPackages;

namespace Dodo.Engine.Tests.GoCodegen;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class GoLiteralWriterTests
{
    private readonly DiagnosticLog _log = new();
    private readonly List<CaseLoss> _losses = [];

    [TestCase("int8", "-128", "-128")]
    [TestCase("int8", "127", "127")]
    [TestCase("int16", "-32768", "-32768")]
    [TestCase("uint16", "65535", "65535")]
    [TestCase("int32", "-2147483648", "-2147483648")]
    [TestCase("uint32", "4294967295", "4294967295")]
    [TestCase("int64", "-9223372036854775808", "-9223372036854775808")]
    [TestCase("uint64", "18446744073709551615", "18446744073709551615")]
    [TestCase("int", "42", "42")]
    [TestCase("uint", "7", "7")]
    [TestCase("byte", "255", "255")]
    [TestCase("uintptr", "0xc000012345", "0xc000012345")]
    [TestCase("bool", "true", "true")]
    [TestCase("float64", "2.5", "2.5")]
    [TestCase("float64", "100", "100.0")]
    [TestCase("float64", "NaN", "math.NaN()")]
    [TestCase("float64", "-Inf", "math.Inf(-1)")]
    [TestCase("float32", "+Inf", "float32(math.Inf(1))")]
    [TestCase("float32", "1e39", "float32(math.Inf(1))")]
    [TestCase("float64", "-0", "math.Copysign(0, -1)")]
    [TestCase("complex128", "(1+2i)", "complex(1.0, 2.0)")]
    [TestCase("complex64", "(1.5-2.5i)", "complex(1.5, -2.5)")]
    [TestCase("complex128", "(NaN+Infi)", "complex(math.NaN(), math.Inf(1))")]
    [TestCase("complex64", "(NaN+1i)", "complex64(complex(math.NaN(), 1.0))")]
    [TestCase("complex128", "(1e+20-3e-05i)", "complex(1E+20, -3E-05)")]
    [TestCase("rune", "97", "'a'")]
    [TestCase("rune", "10", "10")]
    [TestCase("int32", "97", "97")]
    [TestCase("string", "say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void WritesScalarsOfTheDeclaredKind(string type, string value, string expected)
    {
        var text = Writer(Create()).Write(Type(type), Scalar(type, value), "x", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(expected));
            Assert.That(_losses, Is.Empty);
        });
    }

    [TestCase("int8", "128")]
    [TestCase("uint8", "-1")]
    [TestCase("uint64", "18446744073709551616")]
    [TestCase("int", "1.5")]
    [TestCase("bool", "yes")]
    [TestCase("float64", "0x1p3")]
    public void AValueThatDoesNotFitTheDeclaredKindBecomesZeroWithAWarning(string type, string value)
    {
        var text = Writer(Create()).Write(Type(type), Scalar(type, value), "x", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(type == "bool" ? "false" : "0"));
            Assert.That(_losses.Single().Kind, Is.EqualTo(LossKind.TypeMismatch));
            Assert.That(_log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.CapturedTypeMismatch));
        });
    }

    [Test]
    public void NamedTypesOverBasicKindsAreConvertedOnlyWhereGoCannotInferThem()
    {
        var package = Create(new Dictionary<string, string> { ["level"] = "int" });
        var writer = Writer(package);

        var typed = writer.Write(Type("level"), Scalar("example.com/app.level", "3"), "x", _losses);
        var behindInterface = writer.Write(Type("any"),
            Struct("interface {}", ("data", Scalar("example.com/app.level", "3"))), "y", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(typed, Is.EqualTo("3"));
            Assert.That(behindInterface, Is.EqualTo("level(3)"));
        });
    }

    [Test]
    public void TruncatedStringsKeepTheirPrefixAndReportTheMissingBytes()
    {
        var value = new CapturedValue { Type = "string", Value = "abc", Size = 10, Truncated = true };

        var text = Writer(Create()).Write(Type("string"), value, "s", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("\"abc\""));
            Assert.That(_losses.Single(), Is.EqualTo(new CaseLoss(0, null, "s", LossKind.Truncated,
                "string replayed as its first 3 bytes", 7)));
        });
    }

    [Test]
    public void RedactedValuesBecomeZeroOrAPlaceholderOfTheCapturedSize()
    {
        var writer = Writer(Create());

        var unknownSize = Write(writer, "string", new() { Type = "string", NotCapturedReason = "redactedIdent" }, "a");
        var knownSize = Write(writer, "string",
            new() { Type = "string", Size = 5, NotCapturedReason = "redactedType" }, "b");
        var number = Write(writer, "int", new() { Type = "int", NotCapturedReason = "redactedIdent" }, "c");

        Assert.Multiple(() =>
        {
            Assert.That(unknownSize, Is.EqualTo("\"\""));
            Assert.That(knownSize, Is.EqualTo("\"xxxxx\""));
            Assert.That(number, Is.EqualTo("0"));
            Assert.That(_losses.Select(l => (l.Path, l.Kind)),
                Is.EqualTo(new[] { ("a", LossKind.Redacted), ("b", LossKind.Redacted), ("c", LossKind.Redacted) }));
        });
    }

    [Test]
    public void ByteSlicesAreWrittenAsStringConversions()
    {
        var value = List("[]uint8", Scalar("uint8", "104"), Scalar("uint8", "0"), Scalar("uint8", "255"));

        var text = Writer(Create()).Write(Type("[]byte"), value, "b", _losses);

        Assert.That(text, Is.EqualTo("[]byte(\"h\\x00\\xff\")"));
    }

    [Test]
    public void SlicesReportElementsLostToTheCollectionLimit()
    {
        var value = new CapturedValue
        {
            Type = "[]int", Size = 5, NotCapturedReason = "collectionSize",
            Elements = [Scalar("int", "1"), Scalar("int", "2")],
        };

        var text = Writer(Create()).Write(Type("[]int"), value, "xs", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("[]int{1, 2}"));
            Assert.That(_losses.Single(),
                Is.EqualTo(new CaseLoss(0, null, "xs", LossKind.MissingElements, "collectionSize", 3)));
        });
    }

    [Test]
    public void NilCollectionsStayNilAndEmptyOnesStayEmpty()
    {
        var writer = Writer(Create());

        var nilSlice = Write(writer, "[]int", new() { Type = "[]int", IsNull = true });
        var emptySlice = Write(writer, "[]int", new() { Type = "[]int", Size = 0, Elements = [] });
        var nilMap = Write(writer, "map[string]int", new() { Type = "map[string]int", IsNull = true });

        Assert.That((nilSlice, emptySlice, nilMap), Is.EqualTo(("nil", "[]int{}", "nil")));
    }

    [Test]
    public void ArraysKeepTheirLengthAndDropSurplusElementsWithAWarning()
    {
        var writer = Writer(Create());
        CapturedValue Ints(params string[] values) => List("[3]int", [.. values.Select(v => Scalar("int", v))]);

        var partial = writer.Write(Type("[3]int"), Ints("1", "2"), "a", _losses);
        var surplus = writer.Write(Type("[3]int"), Ints("1", "2", "3", "4"), "b", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(partial, Is.EqualTo("[3]int{1, 2}"));
            Assert.That(surplus, Is.EqualTo("[3]int{1, 2, 3}"));
            Assert.That(Codes(), Is.EqualTo(new[] { DiagnosticCodes.CapturedTypeMismatch }));
        });
    }

    [Test]
    public void MapEntriesAreSortedWhateverTheCapturedOrder()
    {
        CapturedValue Map(params (string Key, string Value)[] entries) => new()
        {
            Type = "map[string]int", Size = entries.Length,
            Entries = [.. entries.Select(e => KeyValuePair.Create(Scalar("string", e.Key), Scalar("int", e.Value)))],
        };
        var writer = Writer(Create());

        var first = writer.Write(Type("map[string]int"), Map(("b", "2"), ("a", "1"), ("c", "3")), "m", _losses);
        var second = writer.Write(Type("map[string]int"), Map(("c", "3"), ("b", "2"), ("a", "1")), "m", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("map[string]int{\"a\": 1, \"b\": 2, \"c\": 3}"));
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public void IntegerMapKeysAreSortedByValueAndDuplicateKeysAreDroppedAndCounted()
    {
        var value = new CapturedValue
        {
            Type = "map[int]bool", Size = 4,
            Entries =
            [
                new(Scalar("int", "10"), Scalar("bool", "true")),
                new(Scalar("int", "-1"), Scalar("bool", "false")),
                new(Scalar("int", "9"), Scalar("bool", "true")),
                new(Scalar("int", "9"), Scalar("bool", "false")),
            ],
        };

        var text = Writer(Create()).Write(Type("map[int]bool"), value, "m", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("map[int]bool{-1: false, 9: true, 10: true}"));
            Assert.That(_losses.Single().Kind, Is.EqualTo(LossKind.DuplicateKey));
        });
    }

    [Test]
    public void OwnStructsSetUnexportedFieldsAndLeaveZeroFieldsOut()
    {
        var package = Create(new Dictionary<string, string>
        {
            ["pair"] = "struct{a uint; b bool; c string; mu sync.Mutex}",
        });

        var text = Writer(package).Write(Type("pair"), Struct("example.com/app.pair",
            ("a", Scalar("uint", "9")), ("b", Scalar("bool", "true")), ("c", Scalar("string", "")),
            ("mu", Struct("sync.Mutex", ("state", Scalar("int32", "1"))))), "p", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("pair{a: 9, b: true}"));
            Assert.That(_losses, Is.Empty);
            Assert.That(_log.Diagnostics, Is.Empty, "a fresh sync.Mutex is the faithful replay");
        });
    }

    [Test]
    public void StructFieldsMissingFromTheSnapshotAreLossesAndUnknownOnesAWarning()
    {
        var package = Create(new Dictionary<string, string> { ["pair"] = "struct{a int; b int}" });
        var writer = Writer(package);

        CapturedValue Pair() => Struct("example.com/app.pair", ("a", Scalar("int", "1")), ("z", Scalar("int", "2")));

        Write(writer, "pair", Pair(), "p");
        Write(writer, "pair", Pair(), "p");

        Assert.Multiple(() =>
        {
            Assert.That(_losses.Select(l => l.Path), Is.EqualTo(new[] { "p.b", "p.b" }));
            Assert.That(Codes(), Is.EqualTo(new[] { DiagnosticCodes.CapturedTypeMismatch }),
                "one warning per field, however many cases");
        });
    }

    [Test]
    public void PointersToStructsTakeTheLiteralsAddressAndPointersToScalarsUseAHelper()
    {
        var package = Create(new Dictionary<string, string> { ["pair"] = "struct{a int}" });
        var writer = Writer(package);

        var toStruct = Write(writer, "*pair", Struct("*example.com/app.pair", ("a", Scalar("int", "1"))));
        var toInt = Write(writer, "*int", new() { Type = "*int", Address = "0x1", Value = "5" });
        var chain = Write(writer, "**int", new() { Type = "**int", Address = "0x2", Value = "6" });

        Assert.Multiple(() =>
        {
            Assert.That(toStruct, Is.EqualTo("&pair{a: 1}"));
            Assert.That(toInt, Is.EqualTo("dodoXPtrInt(5)"));
            Assert.That(chain, Is.EqualTo("dodoXPtrPtrInt(dodoXPtrInt(6))"));
            Assert.That(writer.HelperDeclarations(), Is.EqualTo(new[]
            {
                "func dodoXPtrInt(v int) *int { return &v }\n",
                "func dodoXPtrPtrInt(v *int) **int { return &v }\n",
            }));
        });
    }

    [Test]
    public void NilAndUncapturedPointers()
    {
        var package = Create(new Dictionary<string, string> { ["node"] = "struct{next *node}" });
        var writer = Writer(package);

        var nil = Write(writer, "*node", new() { Type = "*example.com/app.node", IsNull = true }, "a");
        var deep = Write(writer, "*node", new() { Type = "*example.com/app.node", NotCapturedReason = "depth" }, "b");

        Assert.Multiple(() =>
        {
            Assert.That(nil, Is.EqualTo("nil"));
            Assert.That(deep, Is.EqualTo("new(node)"), "production's pointer was not nil");
            Assert.That(_losses.Single(), Is.EqualTo(new CaseLoss(0, null, "b", LossKind.NotCaptured, "depth")));
        });
    }

    [Test]
    public void InterfacesHoldTheirCapturedDynamicValue()
    {
        var package = Create(new Dictionary<string, string>
        {
            ["shape"] = "interface{area() float64}",
            ["square"] = "struct{side float64}",
        });
        var writer = Writer(package);

        var own = writer.Write(Type("shape"), Struct("example.com/app.shape",
            ("data", Struct("example.com/app.square", ("side", Scalar("float64", "2"))))), "s", _losses);
        var number = writer.Write(Type("any"), Struct("interface {}", ("data", Scalar("int64", "7"))), "n", _losses);
        var error = writer.Write(Type("error"), Struct("error", ("data", new CapturedValue
        {
            Type = "*errors.errorString", Address = "0x3", Fields = [new("s", Scalar("string", "boom"))],
        })), "e", _losses);
        var nil = writer.Write(Type("error"), new CapturedValue { Type = "error", IsNull = true }, "f", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(own, Is.EqualTo("square{side: 2.0}"));
            Assert.That(number, Is.EqualTo("int64(7)"));
            Assert.That(error, Is.EqualTo("errors.New(\"boom\")"));
            Assert.That(nil, Is.EqualTo("nil"));
            Assert.That(_losses, Is.Empty);
        });
    }

    [TestCase("func() (x int)")]
    [TestCase("interface { M() }")]
    [TestCase("struct { A int \"tag\" }")]
    [TestCase("[len(x)]int")]
    [TestCase("go.shape.int")]
    public void ADynamicTypeThatIsNotAPlainTypeNameIsNeverWrittenIntoTheSource(string dynamicType)
    {
        var value = Struct("interface {}", ("data", new CapturedValue { Type = dynamicType, IsNull = true }));

        var text = Write(Writer(Create()), "any", value);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("nil"));
            Assert.That(_losses.Single().Kind, Is.EqualTo(LossKind.ZeroValue));
        });
    }

    [Test]
    public void AnErrorOfAnUnexportedForeignTypeStaysNonNilAndIsReportedOnce()
    {
        var writer = Writer(Create());
        CapturedValue Wrapped() => Struct("error", ("data", new CapturedValue
        {
            Type = "*fmt.wrapError", Address = "0x4", Fields = [new("msg", Scalar("string", "x"))],
        }));

        var first = writer.Write(Type("error"), Wrapped(), "e", _losses);
        writer.Write(Type("error"), Wrapped(), "e", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.StartWith("errors.New(\"dodo: error value not replayable"));
            Assert.That(Codes(), Is.EqualTo(new[] { DiagnosticCodes.ForeignTypeZeroValue }));
            Assert.That(_losses.Select(l => l.Kind), Is.EqualTo(new[] { LossKind.ZeroValue, LossKind.ZeroValue }));
        });
    }

    [Test]
    public void ForeignStructsWithUnexportedFieldsBecomeZeroWithOneWarningPerType()
    {
        var writer = Writer(Create());
        CapturedValue Request() =>
            Struct("net/http.Request", ("Method", Scalar("string", "GET")), ("ctx", Scalar("int", "1")));

        var first = writer.Write(Type("http.Request"), Request(), "r", _losses);
        writer.Write(Type("http.Request"), Request(), "r", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("http.Request{}"));
            Assert.That(Codes(), Is.EqualTo(new[] { DiagnosticCodes.ForeignTypeZeroValue }));
        });
    }

    [Test]
    public void ForeignStructsWithOnlyExportedFieldsAreRebuiltFromTheCapturedTypes()
    {
        var value = Struct("net/http.Cookie", ("Name", Scalar("string", "id")), ("MaxAge", Scalar("int", "60")));

        var text = Writer(Create()).Write(Type("http.Cookie"), value, "c", _losses);

        Assert.That(text, Is.EqualTo("http.Cookie{Name: \"id\", MaxAge: 60}"));
    }

    [Test]
    public void RegexpsAreCompiledAgainFromTheirCapturedPattern()
    {
        var writer = Writer(Create());
        CapturedValue Pattern(CapturedValue expr, string longest = "false") => new()
        {
            Type = "*regexp.Regexp", Address = "0x5",
            Fields = [new("expr", expr), new("longest", Scalar("bool", longest))],
        };

        var pointer = writer.Write(Type("*regexp.Regexp"), Pattern(Scalar("string", "^a+$")), "p", _losses);
        var value = writer.Write(Type("regexp.Regexp"), Pattern(Scalar("string", "b")), "v", _losses);
        var longest = writer.Write(Type("*regexp.Regexp"), Pattern(Scalar("string", "c"), "true"), "l", _losses);
        var clipped = writer.Write(Type("*regexp.Regexp"),
            Pattern(new CapturedValue { Type = "string", Value = "(a|", Size = 900, Truncated = true }), "t", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(pointer, Is.EqualTo("regexp.MustCompile(\"^a+$\")"));
            Assert.That(value, Is.EqualTo("*regexp.MustCompile(\"b\")"));
            Assert.That(longest,
                Is.EqualTo("func() *regexp.Regexp { r := regexp.MustCompile(\"c\"); r.Longest(); return r }()"));
            Assert.That(clipped, Is.EqualTo("regexp.MustCompile(\"[^\\\\x00-\\\\x{10FFFF}]\")"),
                "a clipped pattern may not compile");
            Assert.That(_losses.Single(),
                Is.EqualTo(new CaseLoss(0, null, "t.expr", LossKind.Truncated, "pattern incomplete")));
        });
    }

    [Test]
    public void DurationsTimesAndContexts()
    {
        var instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var unix = instant.ToUnixTimeSeconds();
        const long secondsFromYear1ToUnix = 62135596800, secondsFromYear1To1885 = 59453308800;
        var plainWall = 6UL;
        var monotonicWall = (1UL << 63) | ((ulong)(unix + secondsFromYear1ToUnix - secondsFromYear1To1885) << 30) | 6UL;
        CapturedValue Time(ulong wall, long ext) => Struct("time.Time",
            ("wall", Scalar("uint64", wall.ToString())),
            ("ext", Scalar("int64", ext.ToString())),
            ("loc", new CapturedValue { Type = "*time.Location", IsNull = true }));
        var writer = Writer(Create());

        var duration = writer.Write(Type("time.Duration"), Scalar("time.Duration", "30000000000"), "d", _losses);
        var plain = writer.Write(Type("time.Time"), Time(plainWall, unix + secondsFromYear1ToUnix), "t", _losses);
        var monotonic = writer.Write(Type("time.Time"), Time(monotonicWall, 123456), "m", _losses);
        var context = Write(writer, "context.Context", new() { Type = "context.Context" }, "ctx");

        Assert.Multiple(() =>
        {
            Assert.That(duration, Is.EqualTo("30000000000"));
            Assert.That(plain, Is.EqualTo($"time.Unix({unix}, 6).UTC()"));
            Assert.That(monotonic, Is.EqualTo($"time.Unix({unix}, 6).UTC()"));
            Assert.That(context, Is.EqualTo("context.Background()"));
        });
    }

    [Test]
    public void ACapturedTypeThatDisagreesWithTheDeclaredOneIsWarnedOncePerFieldAndTheDeclaredTypeWins()
    {
        var writer = Writer(Create());

        var first = writer.Write(Type("string"), Scalar("int", "5"), "x", _losses);
        writer.Write(Type("string"), Scalar("int", "6"), "x", _losses);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("\"5\""));
            Assert.That(_log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.CapturedTypeMismatch));
            Assert.That(_log.Diagnostics.Single().Message, Does.Contain("x:"));
        });
    }

    [Test]
    public void ImportsAreAliasedWhenThePackageTakesTheNameOrThePathNeedsIt()
    {
        var writer = Writer(Create(declaredNames: ["regexp"]));

        Write(writer, "*regexp.Regexp", Struct("*regexp.Regexp", ("expr", Scalar("string", "a"))));
        writer.RenderType(Type("*yaml.Node"));
        writer.RenderType(Type("time.Duration"));

        Assert.That(writer.ImportDeclaration(), Is.EqualTo(
            "import (\n\tdodoRegexp \"regexp\"\n\t\"time\"\n\n\tyaml \"gopkg.in/yaml.v3\"\n)\n"));
    }

    [Test]
    public void DeeplyNestedValuesStopAtTheDepthLimitWithoutCrashing()
    {
        var package = Create(new Dictionary<string, string> { ["node"] = "struct{next *node}" });
        var value = new CapturedValue { Type = "*example.com/app.node", IsNull = true };
        for (var i = 0; i < 5000; i++)
        {
            value = new CapturedValue { Type = "*example.com/app.node", Fields = [new("next", value)] };
        }

        string? text = null;
        // A thread with a known, modest stack: the limit must hold whatever the test runner's stack.
        var thread = new Thread(() => text = Write(Writer(package), "*node", value, "n"), 16 * 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("&node{"));
            Assert.That(_losses.Single().Detail, Does.Contain("nested deeper"));
        });
    }

    private GoLiteralWriter Writer(GoPackageInfo package) => new(package, _log, "dodoX");

    private string Write(GoLiteralWriter writer, string type, CapturedValue value, string path = "x") =>
        writer.Write(Type(type), value, path, _losses);

    private IEnumerable<string> Codes() => _log.Diagnostics.Select(d => d.Code);
}
