using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Tests.Language;

public sealed class VisitorTests
{
    /// <summary>Records every enter/leave; skips or stops where told.</summary>
    private sealed class Recorder(Func<Node, VisitAction>? onEnter = null, Func<Node, VisitAction>? onLeave = null) : AstVisitor
    {
        public List<string> Events { get; } = [];

        public override VisitAction Enter(Node node)
        {
            Events.Add($"enter {node.Kind}{Label(node)}");
            return onEnter?.Invoke(node) ?? VisitAction.Continue;
        }

        public override VisitAction Leave(Node node)
        {
            Events.Add($"leave {node.Kind}{Label(node)}");
            return onLeave?.Invoke(node) ?? VisitAction.Continue;
        }

        private static string Label(Node node) => node is NameNode name ? $" {name.Value}" : string.Empty;
    }

    private sealed class FieldCounter : AstVisitor
    {
        public List<string> Fields { get; } = [];

        public List<string?> ParentKinds { get; } = [];

        public override VisitAction EnterField(FieldNode node)
        {
            Fields.Add(node.ResponseKey);
            ParentKinds.Add(Parent?.Kind.ToString());
            return VisitAction.Continue;
        }
    }

    private sealed class HookRecorder(List<string> events) : IAstWalkHook
    {
        public void Enter(Node node) => events.Add($"hook enter {node.Kind}");

        public void Leave(Node node) => events.Add($"hook leave {node.Kind}");
    }

    private static bool IsField(Node node, string name) => node is FieldNode field && field.Name.Value == name;

    // The recorder labels names with their value; graphql-js's order lists kinds only.
    private static List<string> WithoutNames(IEnumerable<string> events) =>
        events.Select(e => System.Text.RegularExpressions.Regex.Replace(e, "^(enter|leave) Name .*$", "$1 Name")).ToList();

    [Fact]
    public void Walks_the_kitchen_sink_query_in_graphql_js_order()
    {
        var recorder = new Recorder();

        AstWalker.Walk(Parser.Parse(KitchenSink.Query), recorder);

        Assert.Equal(KitchenSink.QueryVisitOrder, WithoutNames(recorder.Events));
    }

    [Fact]
    public void Walks_the_kitchen_sink_schema_in_graphql_js_order()
    {
        var recorder = new Recorder();

        AstWalker.Walk(Parser.Parse(KitchenSink.Schema), recorder);

        Assert.Equal(KitchenSink.SchemaVisitOrder, WithoutNames(recorder.Events));
    }

    [Fact]
    public void Skip_leaves_out_the_subtree_and_its_leave()
    {
        var recorder = new Recorder(node => IsField(node, "b") ? VisitAction.Skip : VisitAction.Continue);

        AstWalker.Walk(Parser.Parse("{ a, b { x }, c }"), recorder);

        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter SelectionSet",
                "enter Field", "enter Name a", "leave Name a", "leave Field",
                "enter Field",
                "enter Field", "enter Name c", "leave Name c", "leave Field",
                "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Break_on_enter_or_leave_ends_the_walk()
    {
        var onEnter = new Recorder(node => node is NameNode { Value: "b" } ? VisitAction.Break : VisitAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a, b { x }, c }"), onEnter);
        Assert.Equal("enter Name b", onEnter.Events[^1]);

        var onLeave = new Recorder(onLeave: node => node is NameNode { Value: "b" } ? VisitAction.Break : VisitAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a, b { x }, c }"), onLeave);
        Assert.Equal("leave Name b", onLeave.Events[^1]);
    }

    [Fact]
    public void Typed_methods_see_their_kind_and_the_parent()
    {
        var counter = new FieldCounter();

        AstWalker.Walk(Parser.Parse("{ a: x, ... on T { b { c } } }"), counter);

        Assert.Equal(["a", "b", "c"], counter.Fields);
        Assert.Equal(["SelectionSet", "SelectionSet", "SelectionSet"], counter.ParentKinds);
    }

    [Fact]
    public void Ancestors_hold_the_path_from_the_root()
    {
        var paths = new List<string>();
        var visitor = new AncestorRecorder(paths);

        AstWalker.Walk(Parser.Parse("{ a(x: [1]) }"), visitor);

        Assert.Equal(
            "Document/OperationDefinition/SelectionSet/Field/Argument/ListValue",
            Assert.Single(paths));
    }

    private sealed class AncestorRecorder(List<string> paths) : AstVisitor
    {
        public override VisitAction EnterIntValue(IntValueNode node)
        {
            paths.Add(string.Join('/', Ancestors.Select(a => a.Kind)));
            return VisitAction.Continue;
        }
    }

    [Fact]
    public void Parallel_visitors_each_see_what_they_would_see_alone()
    {
        const string Body = "{ a { x }, b { y { z } }, c(arg: 1) @d, ... on T { e } }";
        Func<Node, VisitAction> skipB = node => IsField(node, "b") ? VisitAction.Skip : VisitAction.Continue;
        Func<Node, VisitAction> skipFragment = node => node is InlineFragmentNode ? VisitAction.Skip : VisitAction.Continue;
        Func<Node, VisitAction> breakAtC = node => node is NameNode { Value: "c" } ? VisitAction.Break : VisitAction.Continue;
        Func<Node, VisitAction> breakLeavingY = node => IsField(node, "y") ? VisitAction.Break : VisitAction.Continue;

        Recorder[] Make() =>
        [
            new Recorder(skipB),
            new Recorder(skipFragment),
            new Recorder(breakAtC),
            new Recorder(onLeave: breakLeavingY),
            new Recorder(),
        ];

        var alone = Make();
        foreach (var recorder in alone)
        {
            AstWalker.Walk(Parser.Parse(Body), recorder);
        }

        var together = Make();
        AstWalker.Walk(Parser.Parse(Body), new ParallelVisitor(together));

        for (var i = 0; i < alone.Length; i++)
        {
            Assert.Equal(alone[i].Events, together[i].Events);
        }
    }

    [Fact]
    public void Parallel_walk_skips_a_subtree_nobody_wants_and_stops_when_all_stopped()
    {
        var events = new List<string>();
        var hook = new HookRecorder(events);
        var first = new Recorder(node => IsField(node, "a") ? VisitAction.Skip : VisitAction.Continue);
        var second = new Recorder(node => node is SelectionSetNode ? VisitAction.Skip : VisitAction.Continue);

        AstWalker.Walk(Parser.Parse("{ a { x } }"), new ParallelVisitor([first, second]), hook);

        // Both skip below the operation's selection set, so the hook never sees field a's children.
        Assert.DoesNotContain("hook enter Name", events);
        Assert.Equal(
            ["enter Document", "enter OperationDefinition", "enter SelectionSet", "leave OperationDefinition", "leave Document"],
            second.Events);

        var stopEvents = new List<string>();
        var stopper = new Recorder(node => node is SelectionSetNode ? VisitAction.Break : VisitAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a } { b }"), new ParallelVisitor([stopper]), new HookRecorder(stopEvents));
        Assert.Equal(["hook enter Document", "hook enter OperationDefinition", "hook enter SelectionSet"], stopEvents);
    }

    [Fact]
    public void Hook_wraps_each_visitor_call_like_visit_with_type_info()
    {
        var events = new List<string>();
        var visitor = new InterleavedRecorder(events, skip: node => IsField(node, "b"));

        AstWalker.Walk(Parser.Parse("{ a b { c } }"), visitor, new HookRecorder(events));

        Assert.Equal(
            [
                "hook enter Document", "visitor enter Document",
                "hook enter OperationDefinition", "visitor enter OperationDefinition",
                "hook enter SelectionSet", "visitor enter SelectionSet",
                "hook enter Field", "visitor enter Field",
                "hook enter Name", "visitor enter Name", "visitor leave Name", "hook leave Name",
                "visitor leave Field", "hook leave Field",
                "hook enter Field", "visitor enter Field", "hook leave Field",
                "visitor leave SelectionSet", "hook leave SelectionSet",
                "visitor leave OperationDefinition", "hook leave OperationDefinition",
                "visitor leave Document", "hook leave Document",
            ],
            events);
    }

    private sealed class InterleavedRecorder(List<string> events, Func<Node, bool> skip) : AstVisitor
    {
        public override VisitAction Enter(Node node)
        {
            events.Add($"visitor enter {node.Kind}");
            return skip(node) ? VisitAction.Skip : VisitAction.Continue;
        }

        public override VisitAction Leave(Node node)
        {
            events.Add($"visitor leave {node.Kind}");
            return VisitAction.Continue;
        }
    }
}
