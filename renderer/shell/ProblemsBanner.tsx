import { useShallow } from 'zustand/react/shallow';
import { useShell } from '../store/context';
import { TextWithCode } from '../ui/TextWithCode';

/** Problems found while reading the AWS files; the other profiles still work. */
export function ProblemsBanner() {
  const { problems, dismissed, dismiss } = useShell(
    useShallow((state) => ({
      problems: state.problems,
      dismissed: state.problemsDismissed,
      dismiss: state.dismissProblems,
    })),
  );
  if (problems.length === 0 || dismissed) return null;

  return (
    <div className="banner banner-warning" role="status" aria-label="AWS configuration warning">
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-body">
        <strong>
          {problems.length === 1
            ? 'A problem in your AWS configuration'
            : `${problems.length} problems in your AWS configuration`}
        </strong>
        <ul className="banner-list">
          {problems.map((problem, index) => (
            <li key={`${problem.file}:${problem.line ?? ''}:${index}`}>
              <code>
                {problem.file}
                {problem.line === undefined ? '' : `:${problem.line}`}
              </code>{' '}
              <TextWithCode text={problem.message} />
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
