using System.Reflection;
using System.Reflection.Emit;

namespace RmaBackOffice.Tests.Architecture;

/// <summary>
/// Features stand on their own: no cycle between them, the shell (and Common, Web) uses none of them, and a feature uses
/// another only through its public types and public members. Read from the compiled app: every type's base types, fields,
/// properties, signatures, attributes and the IL of its method bodies, which covers the code Razor generates for pages.
/// </summary>
public class FeatureDependencyTests
{
    private const string FeaturesPrefix = "RmaBackOffice.Features.";

    /// <summary>Namespaces every feature may use and that must use no feature.</summary>
    private static readonly string[] FeatureFree = ["RmaBackOffice.Components", "RmaBackOffice.Common", "RmaBackOffice.Web"];

    // Declared before References, whose initializer reads it.
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static readonly IReadOnlyList<Reference> References = ReferencesIn(typeof(Program).Assembly);

    [Fact]
    public void The_scan_finds_the_dependencies_the_features_really_have()
    {
        var edges = FeatureEdges();

        Assert.Contains(("Pipelines", "JobOrders"), edges.Keys);
        Assert.Contains(("Pipelines", "Candidates"), edges.Keys);
        Assert.Contains(("Candidates", "Users"), edges.Keys);
        Assert.Contains(("JobOrders", "Users"), edges.Keys);
        // Razor pages are scanned too: the pipeline board is a component of Pipelines that uses Candidates' rows.
        Assert.Contains(References, r => r.From.Name == "JobOrderPipeline" && FeatureOf(r.To) == "Candidates");
    }

    [Fact]
    public void No_feature_depends_on_itself_through_another()
    {
        var edges = FeatureEdges();
        var graph = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());

        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            if (PathBack(graph, start, start, [start]) is { } path)
            {
                var steps = path.Zip(path.Skip(1), (a, b) => $"{a} -> {b} ({edges[(a, b)]})");
                cycles.Add(string.Join("; ", steps));
            }
        }

        Assert.True(cycles.Count == 0, "Features in a cycle:\n" + string.Join("\n", cycles.Distinct()));
    }

    [Fact]
    public void The_shell_common_and_web_use_no_feature()
    {
        var offending = References
            .Where(r => FeatureFree.Any(ns => IsIn(r.From, ns)) && FeatureOf(r.To) is not null)
            .Select(r => $"{Outermost(r.From).FullName} uses {r.To.FullName} ({r.How})")
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void A_feature_uses_another_only_through_its_public_types_and_members()
    {
        var offending = References
            .Where(r => FeatureOf(r.From) is { } from && FeatureOf(r.To) is { } to && from != to && !(r.To.IsVisible && r.MemberIsPublic))
            .Select(r => $"{Outermost(r.From).FullName} uses {r.To.FullName} ({r.How}), which {FeatureOf(r.To)} does not expose")
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    private static Dictionary<(string From, string To), string> FeatureEdges()
    {
        var edges = new Dictionary<(string From, string To), string>();
        foreach (var r in References)
        {
            if (FeatureOf(r.From) is { } from && FeatureOf(r.To) is { } to && from != to)
            {
                edges.TryAdd((from, to), $"{Outermost(r.From).Name} uses {r.To.Name}");
            }
        }
        return edges;
    }

    private static List<string>? PathBack(Dictionary<string, List<string>> graph, string start, string at, List<string> path)
    {
        foreach (var next in graph.GetValueOrDefault(at) ?? [])
        {
            if (next == start)
            {
                return [.. path, next];
            }
            if (!path.Contains(next) && PathBack(graph, start, next, [.. path, next]) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>"RmaBackOffice.Features.Candidates.Something" → "Candidates"; null outside Features.</summary>
    private static string? FeatureOf(Type type)
    {
        var ns = Outermost(type).Namespace;
        if (ns is null || !ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        return ns[FeaturesPrefix.Length..].Split('.')[0];
    }

    private static bool IsIn(Type type, string ns) =>
        Outermost(type).Namespace is { } own && (own == ns || own.StartsWith(ns + ".", StringComparison.Ordinal));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            type = outer;
        }
        return type;
    }

    private sealed record Reference(Type From, Type To, bool MemberIsPublic, string How);

    private static List<Reference> ReferencesIn(Assembly assembly)
    {
        var references = new List<Reference>();
        foreach (var type in assembly.GetTypes())
        {
            void Add(Type? to, string how, bool memberIsPublic = true)
            {
                foreach (var used in Expand(to))
                {
                    if (used.Assembly == assembly && Outermost(used) != Outermost(type))
                    {
                        references.Add(new Reference(type, used, memberIsPublic, how));
                    }
                }
            }

            Add(type.BaseType, "base type");
            foreach (var implemented in type.GetInterfaces())
            {
                Add(implemented, "interface");
            }
            AddAttributes(type.CustomAttributes, Add);
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(Declared))
            {
                Add(field.FieldType, $"field {field.Name}");
                AddAttributes(field.CustomAttributes, Add);
            }
            foreach (var property in type.GetProperties(Declared))
            {
                Add(property.PropertyType, $"property {property.Name}");
                AddAttributes(property.CustomAttributes, Add);
            }
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType, $"{method.Name} returns");
                }
                foreach (var parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType, $"{method.Name} takes");
                }
                AddAttributes(method.CustomAttributes, Add);
                foreach (var (member, isPublic) in MembersUsedBy(method))
                {
                    AddMember(member, isPublic, $"in {method.Name}", Add);
                }
            }
        }
        return references;
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, Action<Type?, string, bool> add)
    {
        foreach (var attribute in attributes)
        {
            add(attribute.AttributeType, "attribute", true);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(a => a.TypedValue)))
            {
                if (argument.Value is Type typeArgument)
                {
                    add(typeArgument, "attribute argument", true);
                }
            }
        }
    }

    private static void AddMember(MemberInfo member, bool isPublic, string how, Action<Type?, string, bool> add)
    {
        switch (member)
        {
            case Type type:
                add(type, how, true);
                break;
            case MethodBase method:
                add(method.DeclaringType, $"{how}: {method.Name}", isPublic);
                if (method is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        add(argument, $"{how}: {method.Name}<>", true);
                    }
                }
                break;
            case FieldInfo field:
                add(field.DeclaringType, $"{how}: {field.Name}", isPublic);
                add(field.FieldType, $"{how}: {field.Name}", true);
                break;
        }
    }

    /// <summary>The type itself, what it is an array, pointer or reference of, and its generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()))
            {
                yield return element;
            }
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsConstructedGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types, methods and fields a method's IL names, each with whether that member is public.</summary>
    private static IEnumerable<(MemberInfo Member, bool IsPublic)> MembersUsedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    if (member is not null)
                    {
                        yield return (member, member switch
                        {
                            MethodBase m => m.IsPublic,
                            FieldInfo f => f.IsPublic,
                            _ => true,
                        });
                    }
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
