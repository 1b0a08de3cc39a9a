package io.jsocketio.cdi.internal;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnDisconnect;
import io.jsocketio.cdi.OnEvent;
import io.jsocketio.cdi.ServerCustomizer;
import io.jsocketio.handlers.HandlerAnnotations;
import io.jsocketio.handlers.NamespaceBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The jsocketio portable extension. It collects the types annotated {@link Namespace} (or carrying
 * handler annotations; the equivalent annotations of {@code io.jsocketio.handlers} are accepted
 * too) as they are discovered, keeps their {@link Bean}s, resolves and validates their handler
 * methods once in {@link AfterDeploymentValidation} through the shared {@link NamespaceBeans} (each
 * problem fails the deployment with a message naming the method or class), and adds an
 * application-scoped {@link Server} bean: created on first use from the {@link ServerCustomizer}
 * beans and the {@code web.xml} settings, wired to every namespace bean and middleware bean, closed
 * when the application stops.
 *
 * <p>Thread-safety: the container calls the observers on one thread during boot; afterwards the
 * collected state is only read, and the validated beans and {@link #configure}'s settings are
 * published through volatile fields.
 */
public final class SocketIoExtension implements Extension {
    private static final Logger LOG = System.getLogger(SocketIoExtension.class.getName());
    private static final Set<Class<?>> USABLE_SCOPES =
            Set.of(ApplicationScoped.class, Dependent.class, RequestScoped.class, Singleton.class);

    /** This module's annotations, and the shared ones of {@code io.jsocketio.handlers}. */
    private static final HandlerAnnotations[] SPELLINGS = {
        HandlerAnnotations.of(Namespace.class, OnConnect.class, OnEvent.class, OnDisconnect.class),
        HandlerAnnotations.STANDARD
    };

    private final Set<Class<?>> discovered = new LinkedHashSet<>();
    private final Map<Class<?>, Bean<?>> beans = new LinkedHashMap<>();
    private volatile NamespaceBeans namespaceBeans = NamespaceBeans.builder(SPELLINGS).build();
    private @Nullable BeanManager beanManager;
    private volatile @Nullable Settings settings;

    /** Needed by {@link java.util.ServiceLoader}. */
    public SocketIoExtension() {}

    <T> void discover(
            @Observes
                    @WithAnnotations({
                        Namespace.class,
                        OnEvent.class,
                        OnConnect.class,
                        OnDisconnect.class,
                        io.jsocketio.handlers.Namespace.class,
                        io.jsocketio.handlers.OnEvent.class,
                        io.jsocketio.handlers.OnConnect.class,
                        io.jsocketio.handlers.OnDisconnect.class
                    })
                    ProcessAnnotatedType<T> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    <T> void bean(@Observes ProcessManagedBean<T> event) {
        Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
        if (discovered.contains(type)) {
            beans.put(type, event.getBean());
        }
    }

    void addServer(@Observes AfterBeanDiscovery event, BeanManager manager) {
        this.beanManager = manager;
        event.<Server>addBean()
                .beanClass(Server.class)
                .types(Server.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(this::createServer)
                .destroyWith((server, ctx) -> server.close());
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager manager) {
        List<String> errors = new ArrayList<>();
        NamespaceBeans.Builder builder = NamespaceBeans.builder(SPELLINGS);
        SessionScope sessions = SessionScope.of(manager);
        for (Class<?> type : discovered) {
            if (!builder.declaresNamespace(type)) {
                builder.check(type);
                continue;
            }
            Bean<?> bean = beans.get(type);
            if (bean == null) {
                builder.check(type);
                errors.add(
                        type.getName()
                                + ": @Namespace class is not a contextual bean (abstract, an"
                                + " interface, without a bean constructor, or not a managed bean)");
                continue;
            }
            if (!USABLE_SCOPES.contains(bean.getScope())) {
                builder.check(type);
                errors.add(
                        type.getName()
                                + ": @Namespace bean has scope @"
                                + bean.getScope().getSimpleName()
                                + ", which is not active for every socket event; use"
                                + " @ApplicationScoped, @Singleton, @RequestScoped or @Dependent");
                continue;
            }
            builder.add(new CdiHandlerBean(bean, manager, sessions));
        }
        errors.addAll(0, builder.errors());
        namespaceBeans = builder.build();
        for (String error : errors) {
            event.addDeploymentProblem(new DeploymentException("jsocketio: " + error));
        }
        LOG.log(Level.DEBUG, () -> "jsocketio namespace beans: " + namespaceBeans);
    }

    /**
     * Records the {@code web.xml} settings, applied when the {@link Server} bean is created (after
     * every customizer).
     */
    public void configure(Settings settings) {
        this.settings = settings;
    }

    /** The options with the roles the namespace beans name added to the {@code roles} option. */
    private ServerOptions withDeclaredRoles(ServerOptions options) {
        Set<String> declared = namespaceBeans.declaredRoles();
        if (options.engineOptions().roles().containsAll(declared)) {
            return options;
        }
        Set<String> roles = new LinkedHashSet<>(options.engineOptions().roles());
        roles.addAll(declared);
        return options.toBuilder().roles(roles).build();
    }

    private Server createServer(CreationalContext<Server> context) {
        BeanManager manager = beanManager;
        if (manager == null) {
            throw new IllegalStateException("the jsocketio extension did not see the deployment");
        }
        ServerOptions.Builder options = ServerOptions.builder();
        List<Bean<?>> customizers = new ArrayList<>(manager.getBeans(ServerCustomizer.class));
        customizers.sort(Comparator.comparing(b -> b.getBeanClass().getName()));
        for (Bean<?> bean : customizers) {
            ServerCustomizer customizer =
                    (ServerCustomizer) manager.getReference(bean, ServerCustomizer.class, context);
            customizer.customize(options);
        }
        Settings fixed = settings;
        if (fixed != null) {
            fixed.apply(options);
        }
        Server server = new Server(withDeclaredRoles(options.build()));
        namespaceBeans.bind(server);
        LOG.log(Level.INFO, () -> "jsocketio server created at " + server.path());
        return server;
    }
}
