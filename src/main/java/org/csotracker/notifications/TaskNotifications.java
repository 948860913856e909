package org.csotracker.notifications;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.csotracker.people.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new workflow task for a group (HR, COORDINATOR): everyone in that group hears of it once,
 * through the engine's Spring event bridge, in the transaction that created the task.
 */
@Component
class TaskNotifications {

    /** Where each group works on its tasks. */
    private static final Map<Role, String> WORKLISTS = Map.of(Role.HR, "/hiring/tasks", Role.COORDINATOR, "/academy");
    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());

    private final Notifications notifications;

    TaskNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .filter(ROLES::contains)
                .distinct()
                .map(Role::valueOf)
                .forEach(role -> notifications.notifyRole(role, Notifications.Kind.NOTICE, locale -> new Notifications.Text(
                                notifications.message("notify.task.title", locale, taskName(task, locale)),
                                task.getDueDate() == null
                                        ? notifications.message("notify.task.body", locale, roleName(role, locale))
                                        : notifications.message("notify.task.bodyDue", locale, roleName(role, locale),
                                                task.getDueDate())),
                        WORKLISTS.getOrDefault(role, "/"), "task:" + task.getId()));
    }

    /**
     * The task's name in the reader's language: {@code task.<BPMN task id>} in the bundles, followed by what a
     * listener added to the BPMN name after a colon (the module's title, which is recorded data).
     */
    private String taskName(DelegateTask task, java.util.Locale locale) {
        String name = task.getName() == null ? "" : task.getName();
        int detail = name.indexOf(": ");
        String translated = notifications.messageOr("task." + task.getTaskDefinitionKey(), locale, null);
        if (translated == null) {
            return name;
        }
        return detail < 0 ? translated : translated + name.substring(detail);
    }

    private String roleName(Role role, java.util.Locale locale) {
        return notifications.message("role." + role.name(), locale);
    }
}
