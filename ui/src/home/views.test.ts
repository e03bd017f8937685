import { describe, expect, it } from 'vitest';
import { countsShown, homeView, occupancy } from './views';

describe('home per role', () => {
  it('gives each role the home it works from', () => {
    expect(homeView('teacher')).toBe('lessons');
    expect(homeView('tutor')).toBe('lessons');
    expect(homeView('director')).toBe('overview');
    expect(homeView('deputy')).toBe('overview');
    expect(homeView('head')).toBe('overview');
    expect(homeView('methodist')).toBe('groups');
    expect(homeView('educator')).toBe('groups');
    expect(homeView('student')).toBe('welcome');
    expect(homeView('parent')).toBe('welcome');
  });

  it('counts pupils and classes in a school, children and age groups in a kindergarten', () => {
    expect(countsShown('school')).toEqual(['students', 'staff', 'classes', 'accounts']);
    expect(countsShown('kindergarten')).toEqual(['children', 'staff', 'age_groups', 'accounts']);
  });

  it('keeps the occupancy bar between empty and full', () => {
    expect(occupancy(10, 20)).toBe(0.5);
    expect(occupancy(25, 20)).toBe(1);
    expect(occupancy(3, 0)).toBe(0);
  });
});
