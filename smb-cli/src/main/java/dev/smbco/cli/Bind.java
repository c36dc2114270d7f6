package dev.smbco.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Binds a picocli option or parameter built in code to a field through two lambdas.
 *
 * <p>Why the commands build their models in code instead of with picocli's annotations: reading the
 * annotations is most of picocli's cost in a cold command. The JVM makes a proxy class for every
 * annotation type it meets (Command, Option, Parameters, ParentCommand, Spec, and JDK ones on
 * {@code Object}'s methods, which picocli walks too), none of which an AOT cache can hold, and
 * picocli sets fields through reflection. A model built in code needs none of that (BENCHMARKS.md,
 * "Cold start: the remaining levers"). Each option is still declared once: in its command's
 * {@code model} method, next to the field it sets.
 *
 * @param <T> the value's type
 */
public final class Bind<T> implements IGetter, ISetter {
    private final Class<?> type;
    private final Supplier<T> get;
    private final Consumer<T> set;

    private Bind(Class<?> type, Supplier<T> get, Consumer<T> set) {
        this.type = type;
        this.get = get;
        this.set = set;
    }

    /** A binding of a value of {@code type} that reads with {@code get} and writes with {@code set}. */
    public static <T> Bind<T> of(Class<T> type, Supplier<T> get, Consumer<T> set) {
        return new Bind<>(type, get, set);
    }

    /** A binding of a {@code List<String>} (an option given several times, or split). */
    public static Bind<java.util.List<String>> ofList(Supplier<java.util.List<String>> get, Consumer<java.util.List<String>> set) {
        return new Bind<>(java.util.List.class, get, set);
    }

    /**
     * An option with these names, of this binding's type, bound to it. The field keeps its own
     * initial value: picocli does not reset it before parsing (each run makes a new command object).
     */
    public OptionSpec.Builder option(String... names) {
        OptionSpec.Builder b = OptionSpec.builder(names).type(type).getter(this).setter(this).hasInitialValue(false);
        return type == java.util.List.class ? b.auxiliaryTypes(String.class) : b;
    }

    /** A positional parameter of this binding's type, bound to it. */
    public PositionalParamSpec.Builder positional() {
        PositionalParamSpec.Builder b = PositionalParamSpec.builder().type(type).getter(this).setter(this).hasInitialValue(false);
        return type == java.util.List.class ? b.auxiliaryTypes(String.class) : b;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R get() {
        return (R) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R set(R value) {
        R old = (R) get.get();
        set.accept((T) value);
        return old;
    }
}
