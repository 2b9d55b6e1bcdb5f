"""cmplanner: social media strategy planner and goal tracker."""
