package org.opencpis.adapters.spine.mesh.stub;

/**
 * The inbox's {@code workflow_filter}: {@code WF} equals, {@code !WF} does not equal, {@code WF*}
 * begins with, {@code !WF*} does not begin with, {@code *WF*} contains, {@code !*WF*} does not
 * contain. As SQL over {@code workflow_id}, with LIKE's own characters escaped.
 */
record WorkflowFilter(String sql, String parameter) {

    static WorkflowFilter parse(String raw) {
        String value = raw.strip();
        if (value.length() < 2 || value.length() > 255) {
            throw invalid();
        }
        boolean not = value.startsWith("!");
        if (not) {
            value = value.substring(1);
        }
        String operator;
        String parameter;
        if (value.length() >= 2 && value.startsWith("*") && value.endsWith("*")) {
            String term = value.substring(1, value.length() - 1);
            operator = like(not);
            parameter = "%" + escape(term) + "%";
            value = term;
        } else if (value.endsWith("*")) {
            String term = value.substring(0, value.length() - 1);
            operator = like(not);
            parameter = escape(term) + "%";
            value = term;
        } else {
            operator = not ? "workflow_id <> ?" : "workflow_id = ?";
            parameter = value;
        }
        if (value.isEmpty() || value.contains("*")) {
            throw invalid();
        }
        return new WorkflowFilter(operator, parameter);
    }

    private static String like(boolean not) {
        return not ? "workflow_id NOT LIKE ? ESCAPE '\\'" : "workflow_id LIKE ? ESCAPE '\\'";
    }

    private static String escape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static MeshStubFailure invalid() {
        return MeshStubFailure.invalid("query", "workflow_filter",
                "a workflow filter is WF, !WF, WF*, !WF*, *WF* or !*WF* (2 to 255 characters)", "value_error.workflow_filter");
    }
}
