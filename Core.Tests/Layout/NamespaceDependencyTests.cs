using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Layout
{
    /// <summary>
    /// docs/architecture.md, section 1: Core's namespaces are its folders and no two of them use each other (parent and
    /// child folders included). Read from the compiled Core assembly: every type a Core type names in its base types,
    /// fields, signatures and method bodies (IL tokens), grouped by namespace.
    /// </summary>
    public sealed class NamespaceDependencyTests
    {
        private const string Root = "NinjaTraderPortfolio.Core";

        [Test]
        public void NoTwoCoreNamespaces_UseEachOther()
        {
            Dictionary<string, HashSet<string>> uses = NamespaceUses(typeof(Guard).Assembly);
            var mutual = new List<string>();
            foreach (KeyValuePair<string, HashSet<string>> from in uses)
                foreach (string to in from.Value)
                    if (string.CompareOrdinal(from.Key, to) < 0 && uses.TryGetValue(to, out HashSet<string>? back) && back.Contains(from.Key))
                        mutual.Add(from.Key + " <-> " + to);
            Assert.That(mutual, Is.Empty);
        }

        [Test]
        public void TheScan_SeesKnownOneWayUses_SoAnEmptyResultMeansSomething()
        {
            Dictionary<string, HashSet<string>> uses = NamespaceUses(typeof(Guard).Assembly);
            // Written in the code: the session wraps the gateway in Safety's guard, the optimizers build the constraint rows,
            // the manager runs the loop; and Safety does not know the session.
            Assert.That(uses[Root + ".Execution.Session"], Does.Contain(Root + ".Safety"));
            Assert.That(uses[Root + ".Optimization"], Does.Contain(Root + ".Optimization.Constraints"));
            Assert.That(uses[Root + ".Portfolio.Manager"], Does.Contain(Root + ".Rebalancing"));
            Assert.That(uses[Root + ".Safety"], Does.Not.Contain(Root + ".Execution.Session"));
        }

        private static Dictionary<string, HashSet<string>> NamespaceUses(Assembly core)
        {
            var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (Type type in core.GetTypes())
            {
                string? from = type.Namespace;
                if (from == null || !from.StartsWith(Root, StringComparison.Ordinal)) continue;
                if (!uses.TryGetValue(from, out HashSet<string>? set)) uses[from] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (Type used in Named(type))
                    foreach (Type t in Expand(used))
                        if (t.Assembly == core && t.Namespace != null && t.Namespace != from && t.Namespace.StartsWith(Root, StringComparison.Ordinal))
                            set.Add(t.Namespace);
            }
            return uses;
        }

        private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private static IEnumerable<Type> Named(Type type)
        {
            if (type.BaseType != null) yield return type.BaseType;
            foreach (Type i in type.GetInterfaces()) yield return i;
            foreach (FieldInfo f in type.GetFields(All)) yield return f.FieldType;
            foreach (PropertyInfo p in type.GetProperties(All)) yield return p.PropertyType;
            foreach (EventInfo e in type.GetEvents(All)) if (e.EventHandlerType != null) yield return e.EventHandlerType;
            foreach (MethodBase m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi) yield return mi.ReturnType;
                foreach (ParameterInfo p in m.GetParameters()) yield return p.ParameterType;
                MethodBody? body = m.GetMethodBody();
                if (body == null) continue;
                foreach (LocalVariableInfo l in body.LocalVariables) yield return l.LocalType;
                foreach (Type t in BodyTokens(m, body.GetILAsByteArray() ?? Array.Empty<byte>())) yield return t;
            }
        }

        private static IEnumerable<Type> Expand(Type t)
        {
            while (t.HasElementType) t = t.GetElementType()!;
            if (t.IsGenericParameter) yield break;
            yield return t;
            if (t.IsGenericType)
                foreach (Type a in t.GetGenericArguments())
                    foreach (Type x in Expand(a)) yield return x;
        }

        private static readonly Dictionary<short, OpCode> OpCodeByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        // The types behind the metadata tokens of a method body (types, fields' and methods' declaring and signature types).
        private static IEnumerable<Type> BodyTokens(MethodBase method, byte[] il)
        {
            var found = new List<Type>();
            Type[]? typeArgs = method.DeclaringType != null && method.DeclaringType.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
            Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
            int i = 0;
            while (i < il.Length)
            {
                short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
                i += il[i] == 0xFE ? 2 : 1;
                if (!OpCodeByValue.TryGetValue(value, out OpCode op)) break;
                switch (op.OperandType)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: i += 1; break;
                    case OperandType.InlineVar: i += 2; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: i += 8; break;
                    case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        MemberInfo? member = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                        if (member is Type t) found.Add(t);
                        else if (member is FieldInfo f) { found.Add(f.DeclaringType!); found.Add(f.FieldType); }
                        else if (member is MethodBase m)
                        {
                            if (m.DeclaringType != null) found.Add(m.DeclaringType);
                            if (m is MethodInfo mi) found.Add(mi.ReturnType);
                            found.AddRange(m.GetParameters().Select(p => p.ParameterType));
                            if (m.IsGenericMethod) found.AddRange(m.GetGenericArguments());
                        }
                        i += 4;
                        break;
                    default: i += 4; break;
                }
            }
            return found;
        }

        private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
        {
            try
            {
                return module.ResolveMember(token, typeArgs, methodArgs);
            }
            catch (ArgumentException)
            {
                return null; // a token of another module's generic context the scan cannot bind; Core's own types resolve
            }
        }
    }
}
